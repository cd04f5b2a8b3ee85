using Ganss.Xss;
using Markdig;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// Turns a drafter's Markdown into HTML that is safe to show to anyone: Markdig with raw HTML disabled,
/// then an allow-list sanitizer, so no script, event handler or javascript:/data: link survives.
/// The only source of HTML a page may render as <c>MarkupString</c>.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "sup", "sub", "mark", "span", "div",
    ];

    /// <summary>Put before every id the content defines, so none can be one of the page's own.</summary>
    public const string ContentIdPrefix = "content-";

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "align", "colspan", "rowspan", "id"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement element) return;
            // Content never names an element of the page ("# x {#blazor-error-ui}" would have): its ids, and the
            // in-page links to them (headings, footnotes), carry a prefix of their own.
            if (element.GetAttribute("id") is { } id) element.SetAttribute("id", ContentIdPrefix + id);
            if (element.TagName == "A" && element.GetAttribute("href") is { } href)
            {
                if (href.StartsWith('#')) element.SetAttribute("href", "#" + ContentIdPrefix + href[1..]);
                // Links leave the app in a new context without handing it a reference to this window.
                element.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
