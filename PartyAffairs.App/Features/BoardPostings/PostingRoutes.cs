using System.Globalization;

namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>Where the board postings live: the page, and a posting's photo (served only to those who may see the posting).</summary>
public static class PostingRoutes
{
    public const string Page = "/postings";

    public static string Photo(int postingId) => $"/postings/{postingId.ToString(CultureInfo.InvariantCulture)}/photo";

    /// <summary>The page with the recording dialog open for an organization and the items of a printed board chosen.</summary>
    public static string RecordFrom(int organizationId, IEnumerable<int> disclosureIds) =>
        $"{Page}?record={organizationId.ToString(CultureInfo.InvariantCulture)}"
        + string.Concat(disclosureIds.Select(id => "&item=" + id.ToString(CultureInfo.InvariantCulture)));
}
