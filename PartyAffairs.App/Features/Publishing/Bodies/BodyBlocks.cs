using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>A body as the diff sees it: a flat sequence of text blocks and tables (list items flattened with their depth).</summary>
internal sealed record BodyBlock(BodyBlockKind Type, int Level, string Text, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>What must be equal for two blocks to count as the same: one line, for a line diff over the blocks.</summary>
    public string Key => (Type switch
    {
        BodyBlockKind.Table => "T\u001F" + string.Join('\u001E', Rows.Select(r => string.Join('\u001F', r))),
        _ => $"{Type}{Level}\u001F{Text}",
    }).Replace('\n', '\u001D');

    public static List<BodyBlock> Read(string? html)
    {
        var blocks = new List<BodyBlock>();
        if (string.IsNullOrWhiteSpace(html)) return blocks;
        Collect(new HtmlParser().ParseDocument(html).Body!, blocks, 0);
        return blocks;
    }

    private static void Collect(IElement parent, List<BodyBlock> blocks, int listDepth)
    {
        var loose = new StringBuilder();
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                Flush(loose, blocks);
                Block(element, blocks, listDepth);
            }
            else PlainText.Append(node, loose, " | ");
        }
        Flush(loose, blocks);
    }

    private static void Block(IElement element, List<BodyBlock> blocks, int listDepth)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2":
                blocks.Add(TextBlock(BodyBlockKind.Heading, 2, element));
                break;
            case "h3" or "h4" or "h5" or "h6":
                blocks.Add(TextBlock(BodyBlockKind.Heading, 3, element));
                break;
            case "hr":
                blocks.Add(new BodyBlock(BodyBlockKind.Rule, 0, "", []));
                break;
            case "ol" or "ul":
                foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                {
                    var text = new StringBuilder();
                    foreach (var child in item.ChildNodes.Where(c => c is not IElement { LocalName: "ol" or "ul" })) PlainText.Append(child, text, " | ");
                    blocks.Add(new BodyBlock(BodyBlockKind.ListItem, listDepth + 1, Tidy(text), []));
                    foreach (var nested in item.Children.Where(c => c.LocalName is "ol" or "ul")) Block(nested, blocks, listDepth + 1);
                }
                break;
            case "table":
                var rows = element.QuerySelectorAll("tr").Where(r => r.Closest("table") == element)
                    .Select(r => (IReadOnlyList<string>)r.Children.Where(c => c.LocalName is "td" or "th").Select(c => Tidy(TextOf(c))).ToList())
                    .ToList();
                blocks.Add(new BodyBlock(BodyBlockKind.Table, 0, "", rows));
                break;
            case "blockquote" or "div":
                Collect(element, blocks, listDepth);
                break;
            default:
                blocks.Add(TextBlock(BodyBlockKind.Paragraph, 0, element));
                break;
        }
    }

    private static bool IsBlock(IElement element) =>
        element.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "hr" or "ol" or "ul" or "table" or "blockquote" or "div" or "li";

    private static BodyBlock TextBlock(BodyBlockKind type, int level, IElement element) => new(type, level, Tidy(TextOf(element)), []);

    private static StringBuilder TextOf(IElement element)
    {
        var text = new StringBuilder();
        PlainText.Append(element, text, " | ");
        return text;
    }

    private static void Flush(StringBuilder loose, List<BodyBlock> blocks)
    {
        var text = Tidy(loose);
        loose.Clear();
        if (text.Length > 0) blocks.Add(new BodyBlock(BodyBlockKind.Paragraph, 0, text, []));
    }

    private static string Tidy(StringBuilder text) =>
        string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
