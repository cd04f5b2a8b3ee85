using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// What a correction changed in a rich body, as a reader compares it rather than as HTML source: blocks (paragraphs,
/// headings, list items) aligned with DiffPlex and a changed block compared character by character for Chinese and word by
/// word for Latin text; tables compared row by row and cell by cell. Formatting alone (bold, alignment) is not a change.
/// The reviewer's page and the public history both show it, from the model or from <see cref="ToHtml"/>.
/// </summary>
public sealed record BodyDiff(IReadOnlyList<BodyDiffBlock> Blocks)
{
    /// <summary>Below this share of unchanged characters a changed paragraph reads better as old-then-new than as confetti.</summary>
    private const double MinimumOverlap = 0.25;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public bool HasChanges => Blocks.Any(b => b.Kind != BodyChange.Unchanged);

    public static BodyDiff Between(string? beforeHtml, string? afterHtml)
    {
        var before = BodyBlock.Read(beforeHtml);
        var after = BodyBlock.Read(afterHtml);
        var result = new List<BodyDiffBlock>();
        Align(before.Select(b => b.Key).ToList(), after.Select(b => b.Key).ToList(),
            unchanged: (i, _) => result.Add(Same(before[i])),
            replaced: (removed, added) => Replace(removed.Select(i => before[i]).ToList(), added.Select(j => after[j]).ToList(), result));
        return new BodyDiff(result);
    }

    /// <summary>A line diff over keys: calls <paramref name="unchanged"/> for each kept pair and <paramref name="replaced"/> for each run of removed and added indexes.</summary>
    private static void Align(List<string> before, List<string> after, Action<int, int> unchanged, Action<List<int>, List<int>> replaced)
    {
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', before), string.Join('\n', after), false, false, LineChunker.Instance);
        // An empty side chunks to one empty line; count from the real lists instead.
        var a = 0;
        var b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (a < block.DeleteStartA && b < block.InsertStartB) unchanged(a++, b++);
            replaced(Enumerable.Range(block.DeleteStartA, Math.Min(block.DeleteCountA, Math.Max(0, before.Count - block.DeleteStartA))).ToList(),
                Enumerable.Range(block.InsertStartB, Math.Min(block.InsertCountB, Math.Max(0, after.Count - block.InsertStartB))).ToList());
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        while (a < before.Count && b < after.Count) unchanged(a++, b++);
        if (a < before.Count || b < after.Count)
            replaced(Enumerable.Range(a, before.Count - a).ToList(), Enumerable.Range(b, after.Count - b).ToList());
    }

    private static void Replace(List<BodyBlock> removed, List<BodyBlock> added, List<BodyDiffBlock> result)
    {
        var next = 0;
        var i = 0;
        foreach (var (old, partner) in Pairs(removed, added))
        {
            while (i < old) result.Add(Whole(removed[i++], BodyChange.Removed));
            while (next < partner) result.Add(Whole(added[next++], BodyChange.Added));
            result.Add(Modified(removed[i++], added[next++]));
        }
        while (i < removed.Count) result.Add(Whole(removed[i++], BodyChange.Removed));
        while (next < added.Count) result.Add(Whole(added[next++], BodyChange.Added));
    }

    /// <summary>Pairs a removed block with a later added block of the same kind, in order, when they are alike enough to be one block edited.</summary>
    private static List<(int Removed, int Added)> Pairs(List<BodyBlock> removed, List<BodyBlock> added)
    {
        var pairs = new List<(int, int)>();
        var from = 0;
        var single = removed.Count == 1 && added.Count == 1;
        for (var i = 0; i < removed.Count; i++)
        {
            for (var j = from; j < added.Count; j++)
            {
                if (removed[i].Type != added[j].Type) continue;
                if (!single && removed[i].Type != BodyBlockKind.Table && Overlap(removed[i].Text, added[j].Text) < MinimumOverlap) continue;
                pairs.Add((i, j));
                from = j + 1;
                break;
            }
        }
        return pairs;
    }

    private static BodyDiffBlock Same(BodyBlock block) =>
        new(BodyChange.Unchanged, block.Type, block.Level, Spans(BodyChange.Unchanged, block.Text), Rows(block, BodyChange.Unchanged));

    private static BodyDiffBlock Whole(BodyBlock block, BodyChange kind) =>
        new(kind, block.Type, block.Level, Spans(kind, block.Text), Rows(block, kind));

    private static IReadOnlyList<RowDiff> Rows(BodyBlock block, BodyChange kind) =>
        block.Rows.Select(r => new RowDiff(kind, r.Select(c => new CellDiff(kind, kind == BodyChange.Added ? null : c, kind == BodyChange.Removed ? null : c)).ToList())).ToList();

    private static IReadOnlyList<DiffSpan> Spans(BodyChange kind, string text) => text.Length == 0 ? [] : [new DiffSpan(kind, text)];

    private static BodyDiffBlock Modified(BodyBlock before, BodyBlock after)
    {
        if (before.Type == BodyBlockKind.Table)
            return new BodyDiffBlock(BodyChange.Modified, BodyBlockKind.Table, 0, [], TableRows(before.Rows, after.Rows));
        return new BodyDiffBlock(BodyChange.Modified, after.Type, after.Level, TextSpans(before.Text, after.Text), []);
    }

    private static List<RowDiff> TableRows(IReadOnlyList<IReadOnlyList<string>> before, IReadOnlyList<IReadOnlyList<string>> after)
    {
        var rows = new List<RowDiff>();
        Align(before.Select(RowKey).ToList(), after.Select(RowKey).ToList(),
            unchanged: (i, _) => rows.Add(new RowDiff(BodyChange.Unchanged, before[i].Select(c => new CellDiff(BodyChange.Unchanged, c, c)).ToList())),
            replaced: (removed, added) =>
            {
                // Rows replaced in the same place are the same rows edited; the surplus was added or removed.
                var paired = Math.Min(removed.Count, added.Count);
                for (var k = 0; k < paired; k++) rows.Add(new RowDiff(BodyChange.Modified, Cells(before[removed[k]], after[added[k]])));
                foreach (var i in removed.Skip(paired)) rows.Add(new RowDiff(BodyChange.Removed, before[i].Select(c => new CellDiff(BodyChange.Removed, c, null)).ToList()));
                foreach (var j in added.Skip(paired)) rows.Add(new RowDiff(BodyChange.Added, after[j].Select(c => new CellDiff(BodyChange.Added, null, c)).ToList()));
            });
        return rows;
    }

    private static string RowKey(IReadOnlyList<string> row) => string.Join('\u001F', row).Replace('\n', '\u001D');

    private static List<CellDiff> Cells(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var cells = new List<CellDiff>();
        for (var k = 0; k < Math.Max(before.Count, after.Count); k++)
        {
            var old = k < before.Count ? before[k] : null;
            var now = k < after.Count ? after[k] : null;
            var kind = old is null ? BodyChange.Added : now is null ? BodyChange.Removed : old == now ? BodyChange.Unchanged : BodyChange.Modified;
            cells.Add(new CellDiff(kind, old, now));
        }
        return cells;
    }

    private static List<DiffSpan> TextSpans(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, false, false, TextChunker.Instance);
        var spans = new List<DiffSpan>();
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(spans, BodyChange.Unchanged, diff.PiecesOld, a, block.DeleteStartA - a);
            Add(spans, BodyChange.Removed, diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(spans, BodyChange.Added, diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(spans, BodyChange.Unchanged, diff.PiecesOld, a, diff.PiecesOld.Count - a);
        var kept = spans.Where(s => s.Kind == BodyChange.Unchanged).Sum(s => s.Text.Length);
        if (before != after && kept < MinimumOverlap * Math.Max(before.Length, after.Length))
            return [.. Spans(BodyChange.Removed, before), .. Spans(BodyChange.Added, after)];
        return spans;
    }

    private static void Add(List<DiffSpan> spans, BodyChange kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0) return;
        var text = string.Concat(pieces.Skip(start).Take(count));
        if (text.Length == 0) return;
        if (spans.Count > 0 && spans[^1].Kind == kind) spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
        else spans.Add(new DiffSpan(kind, text));
    }

    private static double Overlap(string before, string after)
    {
        if (before.Length == 0 && after.Length == 0) return 1;
        var diff = Differ.Instance.CreateDiffs(before, after, false, false, TextChunker.Instance);
        return (double)string.Concat(Kept(diff)).Length / Math.Max(before.Length, after.Length);
    }

    private static IEnumerable<string> Kept(DiffResult diff)
    {
        var deleted = new HashSet<int>(diff.DiffBlocks.SelectMany(b => Enumerable.Range(b.DeleteStartA, b.DeleteCountA)));
        return diff.PiecesOld.Where((_, i) => !deleted.Contains(i));
    }

    /// <summary>
    /// The diff as HTML with <c>&lt;ins&gt;</c> and <c>&lt;del&gt;</c>. Every piece of text is encoded here and the only
    /// markup is what this method writes, so it is safe to render as markup whatever the bodies contained.
    /// </summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"body-diff\">");
        foreach (var block in Blocks)
        {
            switch (block.Type)
            {
                case BodyBlockKind.Table:
                    html.Append("<table><tbody>");
                    foreach (var row in block.Rows)
                    {
                        html.Append(row.Kind == BodyChange.Unchanged ? "<tr>" : $"<tr class=\"body-diff-{Name(row.Kind)}\">");
                        foreach (var cell in row.Cells) html.Append("<td>").Append(Cell(cell)).Append("</td>");
                        html.Append("</tr>");
                    }
                    html.Append("</tbody></table>");
                    break;
                case BodyBlockKind.Rule:
                    html.Append(block.Kind switch { BodyChange.Added => "<ins><hr></ins>", BodyChange.Removed => "<del><hr></del>", _ => "<hr>" });
                    break;
                default:
                    var (open, close) = block.Type switch
                    {
                        BodyBlockKind.Heading => ($"<h{block.Level}", $"</h{block.Level}>"),
                        BodyBlockKind.ListItem => ("<ul><li", "</li></ul>"),
                        _ => ("<p", "</p>"),
                    };
                    html.Append(open).Append(block.Kind == BodyChange.Unchanged ? ">" : $" class=\"body-diff-{Name(block.Kind)}\">");
                    foreach (var span in block.Text) html.Append(Span(span.Kind, span.Text));
                    html.Append(close);
                    break;
            }
        }
        return html.Append("</div>").ToString();
    }

    private static string Cell(CellDiff cell) => cell.Kind switch
    {
        BodyChange.Unchanged => Encode(cell.After ?? ""),
        BodyChange.Added => Span(BodyChange.Added, cell.After ?? ""),
        BodyChange.Removed => Span(BodyChange.Removed, cell.Before ?? ""),
        _ => Span(BodyChange.Removed, cell.Before ?? "") + Span(BodyChange.Added, cell.After ?? ""),
    };

    private static string Span(BodyChange kind, string text)
    {
        if (text.Length == 0) return "";
        return kind switch
        {
            BodyChange.Added => $"<ins>{Encode(text)}</ins>",
            BodyChange.Removed => $"<del>{Encode(text)}</del>",
            _ => Encode(text),
        };
    }

    private static string Encode(string text) => string.Join("<br>", text.Split('\n').Select(Encoder.Encode));

    private static string Name(BodyChange kind) => kind.ToString().ToLowerInvariant();
}
