using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// One page of the organizations that have items on display, in the order of the tree (each under its parent), with
/// the parents of a page's first entry repeated at its head so a later page still says where it stands.
/// </summary>
public sealed record BoardDirectory(IReadOnlyList<BoardDirectoryEntry> Entries, int Page, int PageCount, int Organizations, int Items)
{
    /// <summary>
    /// The organizations with items in <paramref name="counts"/> and the parents above them, walked as a tree (each after its
    /// parent, siblings by their order), one page of them; a later page starts with the parents of its first entry.
    /// </summary>
    public static async Task<BoardDirectory> ReadAsync(AppDbContext db, IReadOnlyDictionary<int, int> counts, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var organizations = (await db.Organizations.AsNoTracking()
                .Select(o => new { o.Id, o.Name, o.ParentId, o.SortOrder })
                .ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id);
        var shown = new HashSet<int>();
        foreach (var id in counts.Keys)
        {
            for (int? at = id; at is { } a && organizations.TryGetValue(a, out var o) && shown.Add(a); at = o.ParentId) { }
        }
        var children = organizations.Values.Where(o => shown.Contains(o.Id))
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .ToLookup(o => o.ParentId is { } p && shown.Contains(p) ? p : 0);
        var rows = new List<BoardDirectoryEntry>();
        var parents = new Dictionary<int, BoardDirectoryEntry?>();
        void Walk(int parent, BoardDirectoryEntry? above, int depth)
        {
            foreach (var o in children[parent])
            {
                // A parent that names a child as its own parent would walk for ever: each organization is walked once.
                if (parents.ContainsKey(o.Id)) continue;
                var entry = new BoardDirectoryEntry(o.Id, o.Name, depth, counts.GetValueOrDefault(o.Id));
                rows.Add(entry);
                parents[o.Id] = above;
                Walk(o.Id, entry, depth + 1);
            }
        }
        Walk(0, null, 0);

        var pageCount = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var slice = rows.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        if (slice.Count > 0)
        {
            for (var above = parents[slice[0].Id]; above is not null; above = parents[above.Id]) slice.Insert(0, above);
        }
        return new BoardDirectory(slice, page, pageCount, counts.Count, counts.Values.Sum());
    }

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
