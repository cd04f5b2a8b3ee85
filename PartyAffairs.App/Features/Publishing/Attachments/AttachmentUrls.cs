using System.Globalization;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// The address a file is served at (<see cref="AttachmentEndpoints"/>) and the one rule for which image addresses a body may
/// keep: only <c>/attachments/{id}</c> of an attachment of that same disclosure. Another item's file (whose audience may be
/// narrower), an external image, a <c>data:</c> or <c>file:</c> source is dropped when the body is cleaned.
/// </summary>
public static class AttachmentUrls
{
    private const string Prefix = "/attachments/";

    public static string Of(int attachmentId) => Prefix + attachmentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The attachment id of an address written exactly as <see cref="Of"/> writes it; null for anything else.</summary>
    public static int? IdOf(string? url)
    {
        if (url is null || !url.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var digits = url[Prefix.Length..];
        if (digits.Length is 0 or > 9 || digits[0] == '0' || !digits.All(char.IsAsciiDigit)) return null;
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>The own-image rule for a body whose disclosure has these attachments.</summary>
    public static Func<string, bool> OwnedBy(IEnumerable<int> attachmentIds)
    {
        var own = attachmentIds.ToHashSet();
        return url => IdOf(url) is { } id && own.Contains(id);
    }
}
