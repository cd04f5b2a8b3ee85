using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Backup;

/// <summary>
/// A consistent copy of everything the app keeps, taken while it runs: the database through SQLite's online backup
/// (a snapshot other connections may keep writing past), then the uploads, the data-protection keys and exactly the
/// archive files the copied database references — a record archived after the snapshot is not half in the backup —
/// with a manifest of every file's SHA-256. README "Backup and restore" tells how to bring it back.
/// </summary>
public sealed class DataBackup(IOptions<StorageOptions> storage, TimeProvider time)
{
    public const string DatabaseFile = "partyaffairs.db";
    public const string Manifest = "backup-manifest-sha256.txt";

    public async Task<BackupResult> BackupAsync(string folder, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"The backup folder is not empty: {target}");
        var source = storage.Value;
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

        var archived = await ArchivedPathsAsync(databaseCopy, cancellationToken);
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
