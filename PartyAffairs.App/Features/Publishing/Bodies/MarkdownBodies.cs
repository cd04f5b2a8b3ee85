using AngleSharp.Html.Parser;
using Markdig;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// The one-time conversion of the Markdown bodies written before the rich-text editor into stored-body HTML. It renders with
/// the pipeline the Markdown renderer used (advanced extensions, raw HTML disabled), so a body converts to what
/// its readers already saw: raw HTML typed into Markdown stays visible text, never becomes markup. Then
/// <see cref="BodyHtml.Sanitize"/> keeps the body vocabulary; text of what it drops (an image's alt text, a task-list box) is
/// kept as text, so no words are lost.
/// </summary>
public static class MarkdownBodies
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = new HtmlParser().ParseDocument(Markdown.ToHtml(markdown, Pipeline));
        foreach (var image in document.QuerySelectorAll("img").ToList())
        {
            // Markdown bodies never showed images (the old allow-list had none); their alt text is still words the drafter wrote.
            image.Replace(document.CreateTextNode(image.GetAttribute("alt") ?? ""));
        }
        foreach (var box in document.QuerySelectorAll("input[type=checkbox]").ToList())
        {
            box.Replace(document.CreateTextNode(box.HasAttribute("checked") ? "☑ " : "☐ "));
        }
        // Markdown bodies hold no images of their own, so no image address is allowed through.
        return BodyHtml.Sanitize(document.Body!.InnerHtml, _ => false);
    }
}
