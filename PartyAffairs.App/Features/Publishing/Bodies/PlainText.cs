using System.Text;
using AngleSharp.Dom;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>Writes the text of a body as a reader sees it: blocks on lines of their own, cells of a row side by side.</summary>
internal static class PlainText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table", "thead", "tbody", "tfoot",
        "tr", "hr", "pre", "section", "article", "header", "footer", "dl", "dt", "dd", "caption", "figure", "figcaption",
    };

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "head", "title", "xml",
    };

    /// <summary>Iterative, so a hostile document nested thousands deep cannot exhaust the stack.</summary>
    public static void Append(INode root, StringBuilder text, string cellSeparator)
    {
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IText t)
            {
                AppendCollapsed(text, t.Data);
                continue;
            }
            if (node is not IElement element)
            {
                if (node == root) PushChildren(stack, node);
                continue;
            }
            var name = element.LocalName;
            if (closing)
            {
                if (Blocks.Contains(name)) text.Append('\n');
                continue;
            }
            if (Invisible.Contains(name)) continue;
            if (name == "br") { text.Append('\n'); continue; }
            if (name is "td" or "th" && node != root && element.PreviousElementSibling is not null) text.Append(cellSeparator);
            if (Blocks.Contains(name)) text.Append('\n');
            stack.Push((node, true));
            PushChildren(stack, node);
        }
    }

    /// <summary>The text exactly as written (line breaks kept, nothing collapsed), gathered without recursion and bounded.</summary>
    public static string Raw(INode root, int maxLength = 1_000_000)
    {
        var text = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0 && text.Length < maxLength)
        {
            var node = stack.Pop();
            if (node is IText t) text.Append(t.Data);
            else if (node is not IElement element || !Invisible.Contains(element.LocalName))
            {
                for (var i = node.ChildNodes.Length - 1; i >= 0; i--) stack.Push(node.ChildNodes[i]);
            }
        }
        return text.ToString();
    }

    private static void PushChildren(Stack<(INode, bool)> stack, INode node)
    {
        for (var i = node.ChildNodes.Length - 1; i >= 0; i--) stack.Push((node.ChildNodes[i], false));
    }

    private static void AppendCollapsed(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            var space = c is ' ' or '\t' or '\r' or '\n' or '\f' or '\u00A0';
            if (!space) { text.Append(c); continue; }
            if (text.Length > 0 && text[^1] is not (' ' or '\n')) text.Append(' ');
        }
    }
}
