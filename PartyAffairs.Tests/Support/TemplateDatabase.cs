using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// The migrations applied once per test process to an empty file, which every harness and test server then copies
/// instead of migrating its own (about a second and a half each). Only the migrations: what the initializer does
/// after them (WAL, the calendar, the roles, the first admin or the demo, the start-up recomputations) still runs
/// for each test, against its own clock and options. <c>TemplateDatabaseTests</c> proves the copy is what a fresh
/// migration gives.
/// </summary>
public static class TemplateDatabase
{
    private static readonly Lazy<Task<string>> Template = new(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The template's path, migrating it on first use.</summary>
    public static Task<string> PathAsync() => Template.Value;

    /// <summary>Puts a copy of the template at <paramref name="databasePath"/> unless a database is already there.</summary>
    public static async Task CopyToAsync(string databasePath)
    {
        if (File.Exists(databasePath)) return;
        var template = await Template.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        File.Copy(template, databasePath);
    }

    private static async Task<string> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "partyaffairs-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "partyaffairs.db");
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new AppDbContext(options))
        {
            await db.Database.MigrateAsync();
        }
        // EF creates the file in WAL mode. Back in the rollback journal, with every page checkpointed into the file and
        // the unpooled connection closed, the file alone is the whole database and a plain copy of it is complete.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "PRAGMA journal_mode;";
            var mode = (string?)await command.ExecuteScalarAsync();
            if (mode != "delete") throw new InvalidOperationException($"The template stayed in {mode} mode: a copy of the file alone could miss its log.");
        }
        if (File.Exists(path + "-wal")) throw new InvalidOperationException("The template's write-ahead log outlived its connection.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return path;
    }
}
