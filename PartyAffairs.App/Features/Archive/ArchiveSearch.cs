using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// The register's full-text search (<see cref="FullTextSearch"/>) over the <c>ArchiveSearch</c> table, which a trigger
/// fills as each record is inserted: number, title, and the snapshot's search text (body and attachment text; the body
/// alone for records written before attachments were read).
/// </summary>
public static class ArchiveSearch
{
    public const int MaxWords = FullTextSearch.MaxWords;

    private static readonly string[] Columns = ["Title", "Body", "Number"];

    public static IReadOnlyList<string> Words(string? text) => FullTextSearch.Words(text);

    /// <summary>The records whose text holds every word; all records when there are none.</summary>
    public static IQueryable<ArchiveRecord> Matching(AppDbContext db, string? text)
    {
        var words = Words(text);
        if (words.Count == 0) return db.ArchiveRecords;
        var ids = FullTextSearch.RowIds(db, "ArchiveSearch", Columns, words);
        return db.ArchiveRecords.Where(r => ids.Contains(r.Id));
    }
}
