using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Search over an FTS5 table with the trigram tokenizer (Chinese has no spaces to split on), for the board and the archive.
/// Words are split on white space and all must match; a word of three characters or more is a quoted FTS phrase (a
/// substring match), a shorter one — 党费, 反馈 — has no trigram and is matched with LIKE, its wildcards escaped. Any
/// text is taken literally: quotes, *, -, %, _ and operators such as OR or NEAR are just characters.
/// </summary>
public static class FullTextSearch
{
    public const int MaxWords = 8;

    public static IReadOnlyList<string> Words(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();

    /// <summary>
    /// The rowids of <paramref name="table"/> whose text holds every word, as a query to compose (<c>ids.Contains(x.Id)</c>);
    /// <paramref name="columns"/> are the table's columns the short words are looked for in. Call only with words.
    /// </summary>
    public static IQueryable<long> RowIds(AppDbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<string> words)
    {
        ArgumentOutOfRangeException.ThrowIfZero(words.Count);
        var sql = new StringBuilder($"""SELECT rowid AS "Value" FROM "{table}" WHERE 1 = 1""");
        var parameters = new List<SqliteParameter>();
        var phrases = words.Where(w => w.Length >= 3).Select(w => $"\"{w.Replace("\"", "\"\"")}\"").ToList();
        if (phrases.Count > 0)
        {
            sql.Append($""" AND "{table}" MATCH $match""");
            parameters.Add(new SqliteParameter("$match", string.Join(" AND ", phrases)));
        }
        foreach (var (word, i) in words.Where(w => w.Length < 3).Select((w, i) => (w, i)))
        {
            sql.Append(" AND (").Append(string.Join(" OR ", columns.Select(c => $"""
                "{c}" LIKE $like{i} ESCAPE '\'
                """))).Append(')');
            parameters.Add(new SqliteParameter($"$like{i}", $"%{EscapeLike(word)}%"));
        }
        return db.Database.SqlQueryRaw<long>(sql.ToString(), parameters.ToArray<object>());
    }

    private static string EscapeLike(string word) => word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
