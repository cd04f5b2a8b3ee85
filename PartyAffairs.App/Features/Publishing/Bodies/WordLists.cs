using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Word and WPS put a list on the clipboard as paragraphs (<c>class="MsoListParagraph…"</c>, <c>mso-list:l0 level2 lfo1</c>)
/// with the number or bullet typed into a <c>mso-list:Ignore</c> span. This turns runs of such paragraphs into real nested
/// <c>ol</c>/<c>ul</c>, deciding ordered or bulleted from the marker's text.
/// </summary>
internal static partial class WordLists
{
    private sealed record Item(IElement Paragraph, int Level, string ListId, bool Ordered, IElement? Marker, string LeadingMarkerText);

    public static void Convert(IDocument document)
    {
        var items = new List<Item>();
        foreach (var paragraph in Paragraphs(document.Body!))
        {
            if (AsItem(paragraph) is { } item) items.Add(item);
        }
        var run = new List<Item>();
        foreach (var item in items)
        {
            if (run.Count > 0 && !AdjacentSiblings(run[^1].Paragraph, item.Paragraph))
            {
                Nest(document, run);
                run.Clear();
            }
            run.Add(item);
        }
        if (run.Count > 0) Nest(document, run);
    }

    /// <summary>Every <c>p</c> in document order, without recursion (a hostile paste may nest thousands deep).</summary>
    private static List<IElement> Paragraphs(IElement root)
    {
        var result = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.LocalName == "p") result.Add(element);
            for (var i = element.Children.Length - 1; i >= 0; i--) stack.Push(element.Children[i]);
        }
        return result;
    }

    private static Item? AsItem(IElement paragraph)
    {
        var style = BodyStyle.Parse(paragraph.GetAttribute("style"));
        var msoList = style.GetValueOrDefault("mso-list");
        var listClass = paragraph.ClassList.Any(c => c.StartsWith("MsoListParagraph", StringComparison.OrdinalIgnoreCase));
        if (!listClass && (msoList is null || !msoList.Contains("level", StringComparison.Ordinal))) return null;

        var level = 1;
        var listId = "";
        if (msoList is not null)
        {
            var match = MsoList().Match(msoList);
            if (match.Success)
            {
                listId = match.Groups[1].Value;
                level = Math.Clamp(int.Parse(match.Groups[2].Value), 1, 9);
            }
        }
        var marker = FindMarker(paragraph);
        string markerText;
        var leading = "";
        if (marker is not null) markerText = PlainText.Raw(marker, 64);
        else
        {
            // WPS sometimes writes the number as plain leading text instead of an Ignore span.
            var m = LeadingMarker().Match(PlainText.Raw(paragraph, 64));
            markerText = m.Success ? m.Groups[1].Value : "";
            leading = m.Success ? m.Value : "";
        }
        return new Item(paragraph, level, listId, IsOrdered(markerText), marker, leading);
    }

    /// <summary>The first <c>mso-list:Ignore</c> element, searched without recursion and only as deep as Word nests it.</summary>
    private static IElement? FindMarker(IElement paragraph)
    {
        var stack = new Stack<(IElement Element, int Depth)>();
        for (var i = paragraph.Children.Length - 1; i >= 0; i--) stack.Push((paragraph.Children[i], 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (BodyStyle.ListMarker(BodyStyle.Parse(element.GetAttribute("style")))) return element;
            if (depth >= 8) continue;
            for (var i = element.Children.Length - 1; i >= 0; i--) stack.Push((element.Children[i], depth + 1));
        }
        return null;
    }

    /// <summary>Numbers (1. 1、 (1) 一、 ① a. iv.) make an ordered list; bullets (· • § Ø o ■ and Wingdings letters) do not.</summary>
    internal static bool IsOrdered(string marker)
    {
        var text = new string(marker.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0').ToArray());
        if (text.Length == 0) return false;
        if (text.Any(c => char.IsDigit(c) || "一二三四五六七八九十百零〇".Contains(c) || c is >= '①' and <= '⑳')) return true;
        return OrderedLetters().IsMatch(text);
    }

    private static bool AdjacentSiblings(IElement previous, IElement next)
    {
        for (var node = previous.NextSibling; node is not null; node = node.NextSibling)
        {
            if (node == next) return true;
            if (node is IElement) return false;
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data.Replace('\u00A0', ' '))) return false;
        }
        return false;
    }

    private static void Nest(IDocument document, List<Item> run)
    {
        // A marker that stays put while the paragraphs are moved out from around it.
        var anchor = document.CreateTextNode("");
        run[0].Paragraph.Parent!.InsertBefore(anchor, run[0].Paragraph);
        foreach (var item in run)
        {
            item.Marker?.Remove();
            if (item.LeadingMarkerText.Length > 0) StripLeadingText(item.Paragraph, item.LeadingMarkerText.Length);
        }
        ListNester.Nest(document, run.Select(i => new ListEntry(i.Paragraph, i.Level, i.Ordered, i.ListId)).ToList(), anchor);
        anchor.Remove();
    }

    /// <summary>Removes the first <paramref name="length"/> characters of text, across the text nodes that hold them.</summary>
    private static void StripLeadingText(IElement paragraph, int length)
    {
        var stack = new Stack<INode>();
        stack.Push(paragraph);
        while (stack.Count > 0 && length > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                var cut = Math.Min(length, text.Data.Length);
                text.Data = text.Data[cut..];
                length -= cut;
                continue;
            }
            for (var i = node.ChildNodes.Length - 1; i >= 0; i--) stack.Push(node.ChildNodes[i]);
        }
    }

    [GeneratedRegex(@"(l\d+)\s+level(\d+)")]
    private static partial Regex MsoList();

    [GeneratedRegex(@"^[\s\u00A0]*([(（]?(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[①-⑳])[.．、)）]?|[·•▪■◆●○◇□➢Ø§])[\s\u00A0]+")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"^[(（]?(?:[a-zA-Z]|[ivxlcdmIVXLCDM]{1,5})[.．、)）]$")]
    private static partial Regex OrderedLetters();
}
