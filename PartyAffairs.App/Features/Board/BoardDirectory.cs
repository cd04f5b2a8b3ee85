namespace PartyAffairs.App.Features.Board;

/// <summary>
/// One page of the organizations that have items on display, in the order of the tree (each under its parent), with
/// the parents of a page's first entry repeated at its head so a later page still says where it stands.
/// </summary>
public sealed record BoardDirectory(IReadOnlyList<BoardDirectoryEntry> Entries, int Page, int PageCount, int Organizations, int Items)
{
    /// <summary>The page's entries as nested lists: each entry with the entries under it.</summary>
    public IReadOnlyList<BoardDirectoryNode> Tree()
    {
        var roots = new List<BoardDirectoryNode>();
        var open = new List<BoardDirectoryNode>();
        foreach (var entry in Entries)
        {
            var node = new BoardDirectoryNode(entry, []);
            while (open.Count > 0 && open[^1].Entry.Depth >= entry.Depth) open.RemoveAt(open.Count - 1);
            if (open.Count == 0) roots.Add(node);
            else open[^1].Children.Add(node);
            open.Add(node);
        }
        return roots;
    }
}

public sealed record BoardDirectoryNode(BoardDirectoryEntry Entry, List<BoardDirectoryNode> Children);
