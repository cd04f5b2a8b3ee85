using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Rebuilds a parsed document into a fresh one that holds only the body vocabulary: nothing is copied across, every element
/// and attribute of the result is written here, so whatever the source smuggles in (handlers, styles, ids, classes, unknown
/// elements) has no way through. Unknown elements give up their text; dangerous or invisible ones are dropped whole.
/// </summary>
internal sealed partial class BodyBuilder(IDocument target, Func<string, bool> isOwnAttachmentUrl)
{
    /// <summary>Deeper than this the source is flattened to its text: real documents are shallow, and recursion must be bounded.</summary>
    private const int MaxDepth = 40;

    private const int MaxUrlLength = 2048;
    private const int MaxSpan = 1000;

    /// <summary>Dropped with everything inside: code, invisible parts of a document, embedded objects, form controls, Word's VML.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "head", "title", "meta", "link", "base", "xml", "iframe", "frame", "frameset",
        "noframes", "noembed", "object", "embed", "applet", "param", "svg", "math", "canvas", "audio", "video", "source", "track",
        "picture", "map", "area", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "progress",
        "meter", "dialog", "slot", "portal", "colgroup", "col",
    };

    private static readonly HashSet<string> ParagraphLike = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "address", "figure",
        "figcaption", "dl", "dt", "dd", "details", "summary", "fieldset", "legend", "form", "caption", "li",
    };

    private static readonly HashSet<string> BlockNames = new(ParagraphLike, StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "table", "blockquote", "hr", "pre", "tr", "td", "th", "thead", "tbody", "tfoot",
    };

    private readonly record struct Marks(bool Bold, bool Italic, bool Underline, bool Link);

    public void Build(IElement sourceBody, IElement targetBody) => Blocks(sourceBody, targetBody, wrapInline: true, depth: 0, tableDepth: 0);

    /// <summary>Writes the children of <paramref name="source"/> as blocks; loose inline content goes into paragraphs in the body and a blockquote, straight into a list item or cell.</summary>
    private void Blocks(INode source, IElement container, bool wrapInline, int depth, int tableDepth)
    {
        IElement? run = null;
        foreach (var child in source.ChildNodes.ToArray())
        {
            if (depth >= MaxDepth)
            {
                run ??= wrapInline ? Append(container, "p") : container;
                AppendText(run, Flatten(child));
                continue;
            }
            if (child is IElement element && IsBlock(element))
            {
                run = null;
                Block(element, container, wrapInline, depth + 1, tableDepth);
                continue;
            }
            if (child is IText text && run is null && IsBlank(text.Data)) continue;
            run ??= wrapInline ? Append(container, "p") : container;
            Inline(child, run, default, depth + 1);
        }
    }

    private void Block(IElement element, IElement container, bool wrapInline, int depth, int tableDepth)
    {
        var name = element.LocalName;
        var style = BodyStyle.Parse(element.GetAttribute("style"));
        if (Dropped.Contains(name) || BodyStyle.Hidden(style)) return;
        switch (name)
        {
            case "hr":
                Append(container, "hr");
                return;
            case "ol" or "ul":
                List(element, container, depth, tableDepth);
                return;
            case "table":
                if (tableDepth > 0) FlattenTable(element, container, depth);
                else Table(element, container, depth);
                return;
            case "tr" or "td" or "th" or "thead" or "tbody" or "tfoot":
                // Table parts outside a table (only a hand-built DOM has them): keep their content.
                Blocks(element, container, wrapInline, depth, tableDepth);
                return;
            case "blockquote":
                var quote = Append(container, "blockquote");
                Blocks(element, quote, wrapInline: true, depth, tableDepth);
                return;
            case "pre":
                var pre = NewParagraph(container, "p", element, style);
                AppendPreformatted(pre, PlainText.Raw(element));
                return;
        }

        var heading = HeadingLevel(element);
        if (heading == 0 && ContainsBlock(element, depth))
        {
            // A wrapper (div, section, a span around paragraphs) holds blocks of its own: keep them, not the wrapper.
            Blocks(element, container, wrapInline, depth, tableDepth);
            return;
        }
        var block = NewParagraph(container, heading switch { 0 => "p", <= 2 => "h2", _ => "h3" }, element, style);
        var marks = new Marks(Bold: heading == 0 && BodyStyle.Bold(style), Italic: BodyStyle.Italic(style), Underline: BodyStyle.Underline(style), Link: false);
        var inner = Wrap(block, marks);
        foreach (var child in element.ChildNodes.ToArray()) Inline(child, inner, marks, depth + 1);
    }

    private IElement NewParagraph(IElement container, string name, IElement source, Dictionary<string, string> style)
    {
        var block = Append(container, name);
        BodyStyle.Apply(block, BodyStyle.Alignment(source, style), BodyStyle.Indent(source, style));
        return block;
    }

    /// <summary>h1–h6, and Word's title and heading paragraph classes; 0 for a plain paragraph.</summary>
    private static int HeadingLevel(IElement element)
    {
        var name = element.LocalName;
        if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6') return name[1] - '0';
        if (name != "p") return 0;
        foreach (var c in element.ClassList)
        {
            if (c.Equals("MsoTitle", StringComparison.OrdinalIgnoreCase)) return 1;
            if (c.Equals("MsoSubtitle", StringComparison.OrdinalIgnoreCase)) return 3;
            var match = MsoHeading().Match(c);
            if (match.Success) return Math.Clamp(int.Parse(match.Groups[1].Value), 1, 6);
        }
        return 0;
    }

    private void List(IElement source, IElement container, int depth, int tableDepth)
    {
        var list = Append(container, source.LocalName);
        IElement? lastItem = null;
        foreach (var child in source.ChildNodes.ToArray())
        {
            if (child is IElement { LocalName: "li" } li)
            {
                var style = BodyStyle.Parse(li.GetAttribute("style"));
                if (BodyStyle.Hidden(style)) continue;
                lastItem = Append(list, "li");
                Blocks(li, lastItem, wrapInline: false, depth + 1, tableDepth);
            }
            else if (child is IElement { LocalName: "ol" or "ul" } nested && lastItem is not null)
            {
                // Some editors write a sub-list as a sibling of the items: it belongs to the item before it.
                List(nested, lastItem, depth + 1, tableDepth);
            }
            else if (child is not IText text || !IsBlank(text.Data))
            {
                // Loose content between items (only malformed markup has it) becomes an item of its own.
                var item = lastItem = Append(list, "li");
                if (child is IElement element && IsBlock(element)) Block(element, item, wrapInline: false, depth + 1, tableDepth);
                else Inline(child, item, default, depth + 1);
            }
        }
    }

    private void Table(IElement source, IElement container, int depth)
    {
        var head = new List<IElement>();
        var body = new List<IElement>();
        foreach (var child in source.Children)
        {
            switch (child.LocalName)
            {
                case "caption":
                    var caption = NewParagraph(container, "p", child, BodyStyle.Parse(child.GetAttribute("style")));
                    foreach (var node in child.ChildNodes.ToArray()) Inline(node, caption, default, depth + 1);
                    break;
                case "thead":
                    head.AddRange(child.Children.Where(r => r.LocalName == "tr"));
                    break;
                case "tbody" or "tfoot":
                    body.AddRange(child.Children.Where(r => r.LocalName == "tr"));
                    break;
                case "tr":
                    body.Add(child);
                    break;
            }
        }
        if (head.Count + body.Count == 0) return;
        var table = Append(container, "table");
        if (head.Count > 0) Rows(head, Append(table, "thead"), depth);
        if (body.Count > 0) Rows(body, Append(table, "tbody"), depth);
    }

    private void Rows(List<IElement> rows, IElement section, int depth)
    {
        foreach (var row in rows)
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
            if (cells.Count == 0) continue;
            var tr = Append(section, "tr");
            foreach (var cell in cells)
            {
                var td = Append(tr, cell.LocalName);
                if (Span(cell.GetAttribute("colspan")) is > 1 and var colspan) td.SetAttribute("colspan", colspan.ToString());
                if (Span(cell.GetAttribute("rowspan")) is > 1 and var rowspan) td.SetAttribute("rowspan", rowspan.ToString());
                var style = BodyStyle.Parse(cell.GetAttribute("style"));
                BodyStyle.Apply(td, BodyStyle.Alignment(cell, style), 0);
                Blocks(cell, td, wrapInline: false, depth + 1, tableDepth: 1);
            }
        }
    }

    /// <summary>Tables do not nest in a body: a table inside a cell becomes one line per row, its cells joined by " | ".</summary>
    private void FlattenTable(IElement source, IElement container, int depth)
    {
        foreach (var row in OwnRows(source))
        {
            var p = Append(container, "p");
            var first = true;
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                if (!first) AppendText(p, " | ");
                first = false;
                foreach (var node in cell.ChildNodes.ToArray())
                {
                    if (node is IElement { LocalName: "table" } inner) AppendText(p, Flatten(inner));
                    else Inline(node, p, default, depth + 1);
                }
            }
        }
    }

    /// <summary>The rows of this table itself (direct or in its sections), not of tables nested in its cells.</summary>
    private static IEnumerable<IElement> OwnRows(IElement table) =>
        table.Children.SelectMany(c => c.LocalName switch
        {
            "tr" => new[] { c },
            "thead" or "tbody" or "tfoot" => c.Children.Where(r => r.LocalName == "tr"),
            _ => Enumerable.Empty<IElement>(),
        });

    private void Inline(INode node, IElement parent, Marks marks, int depth)
    {
        if (node is IText text)
        {
            AppendText(parent, text.Data);
            return;
        }
        if (node is not IElement element) return;
        if (depth >= MaxDepth)
        {
            AppendText(parent, Flatten(element));
            return;
        }
        var name = element.LocalName;
        if (Dropped.Contains(name)) return;
        var style = BodyStyle.Parse(element.GetAttribute("style"));
        if (BodyStyle.Hidden(style) || BodyStyle.ListMarker(style)) return;

        switch (name)
        {
            case "br":
                if (!(style.GetValueOrDefault("page-break-before") ?? style.GetValueOrDefault("break-before") ?? "").Contains("page", StringComparison.Ordinal))
                    Append(parent, "br");
                return;
            case "img":
                Image(element, parent);
                return;
            case "a":
                var href = SafeHref(element.GetAttribute("href"));
                if (href is not null && !marks.Link)
                {
                    var a = Append(parent, "a");
                    a.SetAttribute("href", href);
                    a.SetAttribute("rel", "noopener noreferrer");
                    Children(element, a, marks with { Link = true }, depth);
                    return;
                }
                break;
        }

        var bold = (name is "b" or "strong" && !BodyStyle.NotBold(style)) || BodyStyle.Bold(style);
        var italic = name is "i" or "em" or "cite" or "dfn" || BodyStyle.Italic(style);
        var underline = name is "u" or "ins" || BodyStyle.Underline(style);
        var inner = marks with { Bold = marks.Bold || bold, Italic = marks.Italic || italic, Underline = marks.Underline || underline };
        var holder = parent;
        if (inner.Bold && !marks.Bold) holder = Append(holder, "strong");
        if (inner.Italic && !marks.Italic) holder = Append(holder, "em");
        if (inner.Underline && !marks.Underline) holder = Append(holder, "u");
        Children(element, holder, inner, depth);
    }

    private void Children(IElement element, IElement parent, Marks marks, int depth)
    {
        foreach (var child in element.ChildNodes.ToArray()) Inline(child, parent, marks, depth + 1);
    }

    private IElement Wrap(IElement block, Marks marks)
    {
        var holder = block;
        if (marks.Bold) holder = Append(holder, "strong");
        if (marks.Italic) holder = Append(holder, "em");
        if (marks.Underline) holder = Append(holder, "u");
        return holder;
    }

    private void Image(IElement element, IElement parent)
    {
        var src = CleanUrl(element.GetAttribute("src"));
        if (src is null) return;
        var scheme = Scheme(src);
        // Only relative or http(s) addresses reach the callback: data:, file: (Word's clipboard images) and the rest never do.
        if (scheme is not (null or "http" or "https") || src.StartsWith("//", StringComparison.Ordinal)) return;
        if (!isOwnAttachmentUrl(src)) return;
        var img = Append(parent, "img");
        img.SetAttribute("src", src);
        var alt = element.GetAttribute("alt")?.Trim();
        if (!string.IsNullOrEmpty(alt)) img.SetAttribute("alt", alt.Length > 200 ? alt[..200] : alt);
    }

    /// <summary>http, https, mailto or a relative address; in-page anchors are dropped because bodies keep no ids.</summary>
    internal static string? SafeHref(string? raw)
    {
        var url = CleanUrl(raw);
        if (url is null || url.StartsWith('#')) return null;
        return Scheme(url) is null or "http" or "https" or "mailto" ? url : null;
    }

    /// <summary>What a browser would resolve: tabs and line breaks removed anywhere, controls and spaces trimmed at the ends.</summary>
    private static string? CleanUrl(string? raw)
    {
        if (raw is null) return null;
        var url = new string(raw.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim(UrlTrim);
        return url.Length is 0 or > MaxUrlLength ? null : url;
    }

    private static readonly char[] UrlTrim = Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray();

    /// <summary>The lower-case scheme, or null for a relative address.</summary>
    private static string? Scheme(string url)
    {
        var match = SchemePrefix().Match(url);
        if (match.Success) return match.Groups[1].Value.ToLowerInvariant();
        // A colon before any path character that is not a valid scheme (e.g. "java\0script:") is refused outright.
        var colon = url.IndexOf(':');
        var path = url.IndexOfAny(['/', '?', '#']);
        return colon >= 0 && (path < 0 || colon < path) ? "invalid" : null;
    }

    private static int Span(string? value) =>
        int.TryParse(value?.Trim(), out var span) ? Math.Clamp(span, 1, MaxSpan) : 1;

    private bool ContainsBlock(IElement element, int depth)
    {
        var stack = new Stack<(IElement Element, int Depth)>();
        foreach (var child in element.Children) stack.Push((child, depth + 1));
        while (stack.Count > 0)
        {
            var (current, d) = stack.Pop();
            if (Dropped.Contains(current.LocalName)) continue;
            if (IsBlock(current)) return true;
            if (d >= MaxDepth) continue;
            foreach (var child in current.Children) stack.Push((child, d + 1));
        }
        return false;
    }

    private static bool IsBlock(IElement element) =>
        BlockNames.Contains(element.LocalName) || HeadingLevel(element) > 0;

    private IElement Append(IElement parent, string name)
    {
        var element = target.CreateElement(name);
        parent.AppendChild(element);
        return element;
    }

    private void AppendText(IElement parent, string data)
    {
        var text = Collapse(data);
        if (parent.LastChild is IText last)
        {
            if (last.Data.EndsWith(' ') && text.StartsWith(' ')) text = text[1..];
            if (text.Length > 0) last.Data += text;
        }
        else if (text.Length == 0) return;
        else parent.AppendChild(target.CreateTextNode(text));
    }

    private void AppendPreformatted(IElement parent, string data)
    {
        var lines = data.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) Append(parent, "br");
            AppendText(parent, lines[i]);
        }
    }

    /// <summary>
    /// HTML whitespace as the browser shows it: runs become one space; a line break between two Chinese characters (Word
    /// wraps its clipboard HTML mid-sentence) disappears, as a Chinese reader expects.
    /// </summary>
    private static string Collapse(string data)
    {
        var result = new StringBuilder(data.Length);
        var i = 0;
        while (i < data.Length)
        {
            var c = data[i];
            if (!IsSpace(c))
            {
                result.Append(c);
                i++;
                continue;
            }
            var start = i;
            var newline = false;
            while (i < data.Length && IsSpace(data[i]))
            {
                newline |= data[i] is '\n' or '\r';
                i++;
            }
            var before = start > 0 ? data[start - 1] : ' ';
            var after = i < data.Length ? data[i] : ' ';
            if (newline && Cjk.IsWide(before) && Cjk.IsWide(after)) continue;
            result.Append(' ');
        }
        return result.ToString();
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0';

    private static bool IsBlank(string data) => data.All(IsSpace);

    /// <summary>The text under a node, gathered without recursion.</summary>
    private static string Flatten(INode node)
    {
        var text = new StringBuilder();
        PlainText.Append(node, text, " | ");
        return text.ToString().Replace('\n', ' ');
    }

    [GeneratedRegex(@"^MsoHeading(\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex MsoHeading();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):")]
    private static partial Regex SchemePrefix();
}
