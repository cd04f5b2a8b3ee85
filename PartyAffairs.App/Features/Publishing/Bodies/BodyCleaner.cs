using AngleSharp.Dom;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Tidies a rebuilt body into its one canonical form, so cleaning twice changes nothing and the diff sees only real edits:
/// spaces trimmed at the edges of blocks, empty formatting and empty paragraphs (Word's <c>&amp;nbsp;</c> lines, an
/// editor's <c>&lt;p&gt;&lt;br&gt;&lt;/p&gt;</c>) dropped, split runs of the same formatting joined, a lone paragraph in a
/// list item or cell unwrapped.
/// </summary>
internal static class BodyCleaner
{
    private static readonly HashSet<string> InlineFormats = new(StringComparer.Ordinal) { "strong", "em", "u", "a" };
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "li", "td", "th", "ol", "ul", "blockquote", "table", "thead", "tbody", "tr", "hr", "body",
    };

    public static void Clean(IElement body) => CleanElement(body);

    private static void CleanElement(IElement element)
    {
        foreach (var child in element.Children.ToArray())
        {
            if (Containers.Contains(child.LocalName)) CleanElement(child);
        }
        switch (element.LocalName)
        {
            case "p" or "h2" or "h3":
                CleanInline(element);
                if (!HasContent(element)) element.Remove();
                break;
            case "li":
                CleanInline(element);
                UnwrapLoneParagraph(element, keepStyle: false);
                if (!HasContent(element)) element.Remove();
                break;
            case "td" or "th":
                CleanInline(element);
                UnwrapLoneParagraph(element, keepStyle: true);
                break;
            case "ol" or "ul" or "blockquote":
                if (element.Children.Length == 0) element.Remove();
                break;
        }
    }

    private static void CleanInline(IElement block)
    {
        TrimSpaces(block);
        RemoveEmptyFormats(block);
        MergeAdjacent(block);
        TrimBreaks(block);
        TrimSpaces(block);
    }

    /// <summary>Spaces at the start and end of each run of inline content, and a space after a space across formatting, go.</summary>
    private static void TrimSpaces(IElement block)
    {
        var run = new List<IText>();
        foreach (var node in InlineNodes(block))
        {
            if (node is IText text) run.Add(text);
            else
            {
                TrimRun(run);
                run.Clear();
            }
        }
        TrimRun(run);
        foreach (var empty in InlineNodes(block).OfType<IText>().Where(t => t.Data.Length == 0).ToList()) empty.Remove();
    }

    private static void TrimRun(List<IText> run)
    {
        var spaceBefore = true;
        foreach (var text in run)
        {
            if (spaceBefore) text.Data = text.Data.TrimStart(' ');
            if (text.Data.Length > 0) spaceBefore = text.Data[^1] == ' ';
        }
        for (var i = run.Count - 1; i >= 0; i--)
        {
            run[i].Data = run[i].Data.TrimEnd(' ');
            if (run[i].Data.Length > 0) break;
        }
    }

    /// <summary>Text nodes in order, and a marker node for each boundary: a <c>br</c>, an image, or a nested block.</summary>
    private static IEnumerable<INode> InlineNodes(IElement block)
    {
        foreach (var child in block.ChildNodes.ToArray())
        {
            if (child is IText) yield return child;
            else if (child is IElement element && InlineFormats.Contains(element.LocalName))
            {
                foreach (var inner in InlineNodes(element)) yield return inner;
            }
            else yield return child;
        }
    }

    private static void RemoveEmptyFormats(IElement parent)
    {
        foreach (var child in parent.Children.ToArray())
        {
            if (!InlineFormats.Contains(child.LocalName)) continue;
            RemoveEmptyFormats(child);
            if (HasText(child) || child.QuerySelector("img") is not null) continue;
            while (child.FirstChild is { } grandchild) parent.InsertBefore(grandchild, child);
            child.Remove();
        }
    }

    private static void MergeAdjacent(IElement parent)
    {
        var child = parent.FirstElementChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            if (next is IElement sibling && InlineFormats.Contains(child.LocalName) && sibling.LocalName == child.LocalName
                && sibling.GetAttribute("href") == child.GetAttribute("href"))
            {
                while (sibling.FirstChild is { } moved) child.AppendChild(moved);
                sibling.Remove();
                continue;
            }
            child = child.NextElementSibling;
        }
        parent.Normalize();
        foreach (var format in parent.Children.Where(c => InlineFormats.Contains(c.LocalName)).ToArray()) MergeAdjacent(format);
    }

    private static void TrimBreaks(IElement block)
    {
        while (FirstMeaningful(block, fromEnd: false) is IElement { LocalName: "br" } br) br.Remove();
        while (FirstMeaningful(block, fromEnd: true) is IElement { LocalName: "br" } br) br.Remove();
    }

    private static INode? FirstMeaningful(IElement block, bool fromEnd)
    {
        var nodes = fromEnd ? block.ChildNodes.Reverse() : block.ChildNodes;
        return nodes.FirstOrDefault(n => n is not IText t || t.Data.Trim(' ').Length > 0);
    }

    private static void UnwrapLoneParagraph(IElement holder, bool keepStyle)
    {
        var meaningful = holder.ChildNodes.Where(n => n is not IText t || t.Data.Trim(' ').Length > 0).ToList();
        if (meaningful is not [IElement { LocalName: "p" } paragraph]) return;
        if (keepStyle && holder.GetAttribute("style") is null && paragraph.GetAttribute("style") is { } style)
        {
            // A cell keeps its paragraph's alignment; a paragraph indent means nothing inside a cell.
            var parsed = BodyStyle.Parse(style);
            BodyStyle.Apply(holder, BodyStyle.Alignment(paragraph, parsed), 0);
        }
        foreach (var blank in holder.ChildNodes.OfType<IText>().ToList()) blank.Remove();
        while (paragraph.FirstChild is { } child) holder.InsertBefore(child, paragraph);
        paragraph.Remove();
    }

    private static bool HasText(IElement element) => element.TextContent.Any(c => c is not (' ' or '\u3000'));

    private static bool HasContent(IElement element) =>
        HasText(element) || element.QuerySelector("img, hr, table") is not null;
}
