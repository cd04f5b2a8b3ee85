using AngleSharp.Dom;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>An element that stands for one list item: its level (1 = top), kind, and which source list it came from.</summary>
internal sealed record ListEntry(IElement Source, int Level, bool Ordered, string ListId);

/// <summary>
/// Builds real nested <c>ol</c>/<c>ul</c> from a flat run of items that only say their level — how Word's clipboard
/// (list paragraphs) and Quill (<c>li class="ql-indent-N"</c>) write lists. Each source element's children move into its
/// new <c>li</c> and the source is removed; the lists go where <paramref name="anchor"/> stands.
/// </summary>
internal static class ListNester
{
    private sealed class OpenList(int level, IElement list, string id)
    {
        public int Level { get; } = level;
        public IElement List { get; } = list;
        public string Id { get; } = id;
        public IElement? LastItem { get; set; }
    }

    public static void Nest(IDocument document, IReadOnlyList<ListEntry> entries, INode anchor)
    {
        var parent = anchor.Parent!;
        var stack = new List<OpenList>();
        foreach (var entry in entries)
        {
            while (stack.Count > 0 && stack[^1].Level > entry.Level) stack.RemoveAt(stack.Count - 1);
            // Another source list, or the other kind, at the same level starts a new list.
            if (stack.Count > 0 && stack[^1].Level == entry.Level && (stack[^1].Id != entry.ListId || (stack[^1].List.LocalName == "ol") != entry.Ordered))
                stack.RemoveAt(stack.Count - 1);
            if (stack.Count == 0 || stack[^1].Level < entry.Level)
            {
                var list = document.CreateElement(entry.Ordered ? "ol" : "ul");
                if (stack.Count > 0 && stack[^1].LastItem is { } owner) owner.AppendChild(list);
                else parent.InsertBefore(list, anchor);
                stack.Add(new OpenList(entry.Level, list, entry.ListId));
            }
            var li = document.CreateElement("li");
            while (entry.Source.FirstChild is { } child) li.AppendChild(child);
            stack[^1].List.AppendChild(li);
            stack[^1].LastItem = li;
            entry.Source.Remove();
        }
    }
}
