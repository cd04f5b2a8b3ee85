using AngleSharp.Dom;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Quill keeps every list flat — one <c>ol</c> whose items say <c>data-list="bullet|ordered"</c> and nest by
/// <c>class="ql-indent-N"</c>. Without this a bulleted list would be stored as numbered and its sub-items lose their
/// level. Lists written the standard way (nested, no such marks) are left alone.
/// </summary>
internal static class QuillLists
{
    public static void Convert(IDocument document)
    {
        var lists = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(document.Body!);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.LocalName is "ol" or "ul" && element.Children.Any(IsFlatItem)) lists.Add(element);
            for (var i = element.Children.Length - 1; i >= 0; i--) stack.Push(element.Children[i]);
        }
        foreach (var list in lists)
        {
            if (list.Parent is null) continue;
            var entries = list.Children.Where(c => c.LocalName == "li").Select(li => new ListEntry(li, Indent(li) + 1, Ordered(li, list), "")).ToList();
            ListNester.Nest(document, entries, list);
            list.Remove();
        }
    }

    private static bool IsFlatItem(IElement li) =>
        li.LocalName == "li" && (li.HasAttribute("data-list") || li.ClassList.Any(c => c.StartsWith("ql-indent-", StringComparison.Ordinal)));

    private static int Indent(IElement li)
    {
        foreach (var c in li.ClassList)
        {
            if (c.StartsWith("ql-indent-", StringComparison.Ordinal) && int.TryParse(c["ql-indent-".Length..], out var level)) return Math.Clamp(level, 0, 8);
        }
        return 0;
    }

    private static bool Ordered(IElement li, IElement list) => li.GetAttribute("data-list") switch
    {
        "ordered" => true,
        "bullet" or "checked" or "unchecked" => false,
        _ => list.LocalName == "ol",
    };
}
