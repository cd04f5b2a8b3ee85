using System.Text;
using System.Runtime.CompilerServices;
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

    /// <summary>The shortest word the trigram index can find; a shorter one is matched with LIKE.</summary>
    public const int TrigramLength = 3;

    /// <summary>The escape character of <see cref="LikePattern"/>.</summary>
    public const string LikeEscape = "\\";

    /// <summary>The words the FTS index finds (three characters or more).</summary>
    public static IReadOnlyList<string> Phrases(IReadOnlyList<string> words) => words.Where(w => w.Length >= TrigramLength).ToList();

    /// <summary>The words with no trigram (党费, 反馈), to be matched with LIKE.</summary>
    public static IReadOnlyList<string> ShortWords(IReadOnlyList<string> words) => words.Where(w => w.Length < TrigramLength).ToList();

    /// <summary>A LIKE pattern that finds <paramref name="word"/> anywhere, taken literally (escaped with <see cref="LikeEscape"/>).</summary>
    public static string LikePattern(string word) => $"%{EscapeLike(word)}%";

    /// <summary>
    /// The rowids of <paramref name="table"/> whose text holds every word, as a query to compose (<c>ids.Contains(x.Id)</c>);
    /// <paramref name="columns"/> are the table's columns the short words are looked for in. Call only with words.
    /// The ids are ints, as the entities' keys are: compared with a cast key (<c>(long)x.Id</c>), PostgreSQL could not use the
    /// key's index and read the whole entity table for every search (70 ms for 30,000 archive records, growing with them).
    /// </summary>
    public static IQueryable<int> RowIds(AppDbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<string> words)
    {
        ArgumentOutOfRangeException.ThrowIfZero(words.Count);
        var sql = new StringBuilder($"""SELECT rowid AS "Value" FROM "{table}" WHERE 1 = 1""");
        var arguments = new List<object>();
        // SQLite: an FTS5 phrase for each long word. PostgreSQL: ILIKE for every word, which the table's pg_trgm indexes
        // serve for three characters or more; a shorter word is checked on the rows the others found, or on every row.
        var postgres = db.Database.IsNpgsql();
        var phrases = postgres ? [] : Phrases(words).Select(w => $"\"{w.Replace("\"", "\"\"")}\"").ToList();
        if (phrases.Count > 0)
        {
            sql.Append($$""" AND "{{table}}" MATCH {{{arguments.Count}}}""");
            arguments.Add(string.Join(" AND ", phrases));
        }
        var like = postgres ? "ILIKE" : "LIKE";
        foreach (var word in postgres ? words : ShortWords(words))
        {
            sql.Append(" AND (").Append(string.Join(" OR ", columns.Select(c => $$"""
                "{{c}}" {{like}} {{{arguments.Count}}} ESCAPE '\'
                """))).Append(')');
            arguments.Add(LikePattern(word));
        }
        return db.Database.SqlQuery<int>(FormattableStringFactory.Create(sql.ToString(), arguments.ToArray()));
    }

    private static string EscapeLike(string word) => word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
