using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>
/// The postings a person may see, newest first; the organizations they may filter by; those they may record for (empty when
/// they record for none); the quarters (year, number) that have postings. <see cref="Postings"/> is one page; <see cref="Total"/>
/// counts every posting the filter matches.
/// </summary>
public sealed record BoardPostingListView(IReadOnlyList<BoardPostingRow> Postings, OrganizationScope Organizations,
    OrganizationScope RecordableOrganizations, IReadOnlyList<(int Year, int Quarter)> Quarters, int Total = 0);
