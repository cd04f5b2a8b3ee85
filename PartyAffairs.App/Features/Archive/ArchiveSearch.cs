using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// Full-text search over the register's FTS5 table (trigram tokenizer). Words are split on white space and all must
/// match; a word of three characters or more is a quoted FTS phrase (a substring match), a shorter one — 党费, 反馈 —
/// has no trigram and is matched with LIKE, its wildcards escaped. Any text is taken literally: quotes, %, _ and
/// operators such as OR or NEAR are just characters.
/// </summary>
public static class ArchiveSearch
{
    public const int MaxWords = 8;

    public static IReadOnlyList<string> Words(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();

    /// <summary>The records whose text holds every word; all records when there are none.</summary>
    public static IQueryable<ArchiveRecord> Matching(AppDbContext db, string? text)
    {
        var words = Words(text);
        if (words.Count == 0) return db.ArchiveRecords;

        var sql = new StringBuilder("""SELECT * FROM "ArchiveRecords" WHERE "Id" IN (SELECT rowid FROM "ArchiveSearch" WHERE 1 = 1""");
        var parameters = new List<SqliteParameter>();
        var phrases = words.Where(w => w.Length >= 3).Select(w => $"\"{w.Replace("\"", "\"\"")}\"").ToList();
        if (phrases.Count > 0)
        {
            sql.Append(""" AND "ArchiveSearch" MATCH $match""");
            parameters.Add(new SqliteParameter("$match", string.Join(" AND ", phrases)));
        }
        foreach (var (word, i) in words.Where(w => w.Length < 3).Select((w, i) => (w, i)))
        {
            sql.Append($""" AND ("Title" LIKE $like{i} ESCAPE '\' OR "Body" LIKE $like{i} ESCAPE '\' OR "Number" LIKE $like{i} ESCAPE '\')""");
            parameters.Add(new SqliteParameter($"$like{i}", $"%{EscapeLike(word)}%"));
        }
        sql.Append(')');
        return db.ArchiveRecords.FromSqlRaw(sql.ToString(), parameters.ToArray<object>());
    }

    private static string EscapeLike(string word) => word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
