using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Backup;

/// <summary>
/// A consistent copy of everything the app keeps, taken while it runs: the database through SQLite's online backup
/// (a snapshot other connections may keep writing past), then the uploads, the data-protection keys and exactly the
/// archive files the copied database references — a record archived after the snapshot is not half in the backup —
/// with a manifest of every file's SHA-256. On PostgreSQL the database is a <c>pg_dump</c> of a snapshot exported from a
/// repeatable-read transaction, in which the archive files' paths are read too: the same cut as SQLite's copy. README
/// "Backup and restore" tells how to bring either back.
/// </summary>
public sealed class DataBackup(IOptions<StorageOptions> storage, DatabaseOptions database, IConfiguration configuration, TimeProvider time)
{
    public const string DatabaseFile = "partyaffairs.db";
    /// <summary>The PostgreSQL database, in pg_dump's custom format (what pg_restore reads).</summary>
    public const string DumpFile = "partyaffairs.dump";
    public const string Manifest = "backup-manifest-sha256.txt";
    /// <summary>Where pg_dump is, if not the newest server's under /usr/lib/postgresql or the one on PATH.</summary>
    public const string PgDumpSetting = "Backup:PgDump";

    public async Task<BackupResult> BackupAsync(string folder, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"The backup folder is not empty: {target}");
        var source = storage.Value;
        if (database.IsPostgreSql)
        {
            Directory.CreateDirectory(target);
            return await FinishAsync(target, source, await DumpAsync(Path.Combine(target, DumpFile), cancellationToken), cancellationToken);
        }
        if (!File.Exists(source.DatabasePath)) throw new FileNotFoundException("No database to back up.", source.DatabasePath);
        Directory.CreateDirectory(target);

        var databaseCopy = Path.Combine(target, DatabaseFile);
        await using (var live = new SqliteConnection($"Data Source={source.DatabasePath};Pooling=False"))
        await using (var copy = new SqliteConnection($"Data Source={databaseCopy};Pooling=False"))
        {
            await live.OpenAsync(cancellationToken);
            await copy.OpenAsync(cancellationToken);
            live.BackupDatabase(copy);
            // The copy inherits WAL mode from the page header; switching it back to a rollback journal leaves one
            // self-contained file, with no -wal/-shm beside it to forget on restore (the app turns WAL on again).
            await using var journal = copy.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FinishAsync(target, source, await ArchivedPathsAsync(databaseCopy, cancellationToken), cancellationToken);
    }

    /// <summary>The files beside the database, then the manifest. Keys live in the database on PostgreSQL: a keys folder is copied only where one exists.</summary>
    private async Task<BackupResult> FinishAsync(string target, StorageOptions source, HashSet<string> archived, CancellationToken cancellationToken)
    {
        CopyTree(source.UploadsDirectory, Path.Combine(target, "uploads"), _ => true);
        CopyTree(Path.Combine(source.DataDirectory, "keys"), Path.Combine(target, "keys"), _ => true);
        var archiveTarget = Path.Combine(target, "archive");
        Directory.CreateDirectory(archiveTarget);
        CopyTree(source.ArchiveDirectory, archiveTarget, archived.Contains);

        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(target, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        long bytes = 0;
        await using (var manifest = new StreamWriter(Path.Combine(target, Manifest)))
        {
            await manifest.WriteLineAsync($"# PartyAffairs backup {time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}");
            foreach (var file in files)
            {
                await using var stream = File.OpenRead(Path.Combine(target, file));
                bytes += stream.Length;
                await manifest.WriteLineAsync($"{Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken))}  {file}");
            }
        }
        return new BackupResult(target, files.Count, bytes);
    }

    /// <summary>
    /// Dumps the database as one snapshot and returns the archive files that snapshot references. The snapshot is exported from
    /// a repeatable-read transaction that stays open while pg_dump runs (an exported snapshot lives only as long as it); the
    /// paths are read in that transaction, so a record archived meanwhile is in neither the dump nor the copied files.
    /// The password goes to pg_dump through its environment, never its command line (which <c>ps</c> shows to everyone).
    /// </summary>
    private async Task<HashSet<string>> DumpAsync(string dumpFile, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        await using (var files = new NpgsqlCommand("""SELECT "StoredPath" FROM "ArchiveFiles";""", connection, transaction))
        await using (var reader = await files.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) paths.Add(reader.GetString(0));
        }

        var start = new ProcessStartInfo(PgDump()) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--format=custom", $"--snapshot={snapshot}", $"--file={dumpFile}", "--no-password" })
            start.ArgumentList.Add(argument);
        // libpq's own variables: pg_dump reads the same server, database and credentials the app uses.
        Set(start, "PGHOST", settings.Host);
        Set(start, "PGPORT", settings.Port.ToString(CultureInfo.InvariantCulture));
        Set(start, "PGDATABASE", settings.Database);
        Set(start, "PGUSER", settings.Username);
        Set(start, "PGPASSWORD", settings.Password);
        Set(start, "PGSSLMODE", settings.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        });
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new FileNotFoundException($"pg_dump could not be started ({ex.Message}); name it with {PgDumpSetting}.", start.FileName);
        }
        using var process = started ?? throw new IOException($"pg_dump did not start: {start.FileName}");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new IOException($"pg_dump exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}".TrimEnd());
        await transaction.CommitAsync(cancellationToken);
        return paths;
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) start.Environment.Remove(name);
        else start.Environment[name] = value;
    }

    /// <summary>The configured pg_dump, else the newest server's (a dump must come from a pg_dump at least as new as the server), else PATH's.</summary>
    private string PgDump()
    {
        if (configuration[PgDumpSetting] is { Length: > 0 } configured) return configured;
        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Path: Path.Combine(d, "bin", "pg_dump")))
                .Where(c => c.Version >= 0 && File.Exists(c.Path)).OrderByDescending(c => c.Version).Select(c => c.Path).FirstOrDefault()
            : null;
        return newest ?? "pg_dump";
    }

    private static async Task<HashSet<string>> ArchivedPathsAsync(string database, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "StoredPath" FROM "ArchiveFiles";""";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) paths.Add(reader.GetString(0));
        return paths;
    }

    /// <summary>Copies the files under <paramref name="from"/> whose forward-slash relative path passes <paramref name="include"/>.</summary>
    private static void CopyTree(string from, string to, Func<string, bool> include)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!include(relative.Replace(Path.DirectorySeparatorChar, '/'))) continue;
            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
