using System.Net;
using System.Text.RegularExpressions;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>
/// A catalogue line's body template (正文模板) as it is stored: HTML cleaned to the body allow-list with no images (a template
/// belongs to no item, so no image can be the item's own attachment). What the dialog, the import and the seed hand in goes
/// through <see cref="Clean"/>; a cell of plain text (no tags) becomes one paragraph per line.
/// </summary>
public static partial class BodyTemplateText
{
    /// <summary>The most visible text a template may hold (<see cref="BodyHtml.TextLength"/>: characters, not counting spaces).</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Input far beyond any template is refused before it is parsed.</summary>
    public const int MaxInputLength = 200_000;

    public static string Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var html = LooksLikeHtml(raw) ? raw : FromPlainText(raw);
        return BodyHtml.Sanitize(html, _ => false);
    }

    /// <summary>Text with at least one tag (<c>&lt;p&gt;</c>, <c>&lt;/td&gt;</c>, …) is read as HTML; anything else as plain lines.</summary>
    public static bool LooksLikeHtml(string text) => Tag().IsMatch(text);

    /// <summary>Each non-blank line escaped and wrapped in a paragraph.</summary>
    public static string FromPlainText(string text) => string.Concat(text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));

    /// <summary>Whether the cleaned template is within both limits: the visible text, and the stored HTML (one spreadsheet cell).</summary>
    public static bool TextFits(string? raw) => (raw?.Length ?? 0) <= MaxInputLength && BodyHtml.TextLength(Clean(raw)) <= MaxTextLength;

    public static bool MarkupFits(string? raw) => (raw?.Length ?? 0) <= MaxInputLength && Clean(raw).Length <= CatalogueItem.MaxBodyTemplateLength;

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^>]*)?/?>")]
    private static partial Regex Tag();
}
