using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// The one allow-list for stored disclosure bodies. Whatever the editor, a Word/WPS paste, a .docx import or the Markdown
/// conversion hands in is rebuilt element by element into a small vocabulary (paragraphs, two heading levels, bold, italic,
/// underline, lists, tables with spans, links, rules and the item's own images), then passed through HtmlSanitizer with the
/// same allow-list as a second gate. What this returns is what every page, the print view and the archive may show.
/// </summary>
/// <remarks>
/// Indentation is stored as <c>padding-left: Nem</c> in 2em steps (levels 1–8), not as an editor class such as
/// <c>ql-indent-N</c>: the body must look right on the board, in print and in the archive snapshot, none of which load the
/// editor's stylesheet, and it must survive a change of editor. 2em is two Chinese characters, the office's indent step.
/// <c>ql-indent-N</c>, <c>margin-left</c> and Word's point indents are read and converted on the way in.
/// </remarks>
public static class BodyHtml
{
    /// <summary>The elements a stored body may contain; anything else is unwrapped (its text kept) or dropped.</summary>
    public static readonly IReadOnlySet<string> AllowedElements = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "h2", "h3", "strong", "em", "u", "ol", "ul", "li", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "a", "hr", "img",
    };

    private static readonly HtmlSanitizer Gate = CreateGate();

    /// <summary>Cleans <paramref name="html"/> to the stored-body allow-list. Idempotent: cleaning the result changes nothing.</summary>
    /// <param name="isOwnAttachmentUrl">
    /// Whether an image source is one of the item's own attachment URLs; every other image (external, data:, file: from a
    /// Word clipboard) is dropped.
    /// </param>
    public static string Sanitize(string? html, Func<string, bool> isOwnAttachmentUrl)
    {
        ArgumentNullException.ThrowIfNull(isOwnAttachmentUrl);
        if (string.IsNullOrWhiteSpace(html)) return "";
        // The rebuilt markup can only hold what the builder writes; the sanitizer is the second, independent gate.
        return ThroughGate(Rebuild(html, isOwnAttachmentUrl));
    }

    /// <summary>The first gate alone: the body rebuilt element by element into its canonical form.</summary>
    internal static string Rebuild(string html, Func<string, bool> isOwnAttachmentUrl)
    {
        var parser = new HtmlParser();
        var source = parser.ParseDocument(html);
        WordLists.Convert(source);
        QuillLists.Convert(source);
        var target = parser.ParseDocument("");
        new BodyBuilder(target, isOwnAttachmentUrl).Build(source.Body!, target.Body!);
        BodyCleaner.Clean(target.Body!);
        return target.Body!.InnerHtml;
    }

    /// <summary>The second gate alone: HtmlSanitizer with the same allow-list.</summary>
    internal static string ThroughGate(string html) => Gate.Sanitize(html);

    /// <summary>
    /// The visible text for search, diffs and notifications: one line per paragraph, heading or list item, a line break for
    /// <c>br</c>, table cells of a row joined by " | ".
    /// </summary>
    public static string ToPlainText(string? html) => VisibleText(html, " | ");

    /// <summary>
    /// The body's length as the limit counts it: every visible character that is not whitespace (WPS/Word
    /// 「字符数（不计空格）」), a character outside the BMP counting once. It is the size rule because it bounds storage the
    /// same way for Chinese and Latin text; <see cref="WordCount"/> is Word's 「字数」 for display.
    /// </summary>
    public static int TextLength(string? html)
    {
        var count = 0;
        foreach (var rune in VisibleText(html, "\n").EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune)) count++;
        }
        return count;
    }

    /// <summary>Word's and WPS's 「字数」: each Chinese character or full-width punctuation mark counts one, and so does each run of other non-space characters (a Latin word, a number).</summary>
    public static int WordCount(string? html)
    {
        var count = 0;
        var inWord = false;
        foreach (var rune in VisibleText(html, "\n").EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) inWord = false;
            else if (Cjk.IsWide(rune.Value)) { count++; inWord = false; }
            else if (!inWord) { count++; inWord = true; }
        }
        return count;
    }

    private static string VisibleText(string? html, string cellSeparator)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        PlainText.Append(document.Body!, text, cellSeparator);
        var lines = text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static HtmlSanitizer CreateGate()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedElements, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "rel", "src", "alt", "colspan", "rowspan", "style"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align", "padding-left"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        };
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }
}
