using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// How an archiving survives a hard kill without a false alarm: the files are copied into a staging folder (outside the
/// archive, so the verifier never sees them) and made durable, then the record commits, then the folder is renamed into
/// the archive. A kill before the commit leaves only a staging folder, removed at the next start; a kill between the
/// commit and the rename leaves a committed record whose durable files are moved into place at the next start.
/// </summary>
public sealed partial class ArchiveStaging(IOptions<StorageOptions> storage, IDbContextFactory<AppDbContext> dbFactory, ILogger<ArchiveStaging> logger)
{
    /// <summary>The staging folder of an archive number (cleared first: a number not yet committed is nobody's).</summary>
    public string Prepare(string number)
    {
        var folder = Path.Combine(storage.Value.ArchiveStagingDirectory, number);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>After the record committed: the staged folder becomes the record's folder in the archive, durably.</summary>
    public void Publish(string number)
    {
        var staged = Path.Combine(storage.Value.ArchiveStagingDirectory, number);
        if (!Directory.Exists(staged)) return; // a record without files
        Directory.CreateDirectory(storage.Value.ArchiveDirectory);
        Directory.Move(staged, Path.Combine(storage.Value.ArchiveDirectory, number));
        SyncDirectory(storage.Value.ArchiveDirectory);
        SyncDirectory(storage.Value.ArchiveStagingDirectory);
    }

    /// <summary>An archiving that failed before its commit: its staged copies go.</summary>
    public void Discard(string number)
    {
        var staged = Path.Combine(storage.Value.ArchiveStagingDirectory, number);
        if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
    }

    /// <summary>
    /// At start-up, before anything archives or verifies: a staged folder whose record committed is moved into place; any
    /// other is the leftover of an archiving that never committed, removed and logged (never reported as tampering).
    /// </summary>
    public async Task<(int Completed, int Removed)> RecoverAsync(CancellationToken cancellationToken)
    {
        var root = storage.Value.ArchiveStagingDirectory;
        if (!Directory.Exists(root)) return (0, 0);
        var staged = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().ToList();
        if (staged.Count == 0) return (0, 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var committed = (await db.ArchiveRecords.AsNoTracking().Where(r => staged.Contains(r.ArchiveNumber)).Select(r => r.ArchiveNumber)
            .ToListAsync(cancellationToken)).ToHashSet();
        var (completed, removed) = (0, 0);
        foreach (var number in staged)
        {
            var target = Path.Combine(storage.Value.ArchiveDirectory, number);
            if (committed.Contains(number) && !Directory.Exists(target))
            {
                Publish(number);
                LogCompleted(number);
                completed++;
            }
            else
            {
                Directory.Delete(Path.Combine(root, number), recursive: true);
                LogRemoved(number);
                removed++;
            }
        }
        SyncDirectory(root);
        return (completed, removed);
    }

    /// <summary>Writes a copy and forces it to the disk before returning.</summary>
    public static async Task CopyDurablyAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(source);
        await using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None);
        await input.CopyToAsync(output, cancellationToken);
        output.Flush(flushToDisk: true);
    }

    /// <summary>
    /// A new or renamed entry is durable only once its directory is synced too (fsync of the directory on Linux/macOS;
    /// .NET has no API for it). Elsewhere the file system's own journal is relied on.
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || !Directory.Exists(directory)) return;
        var fd = Open(directory, 0); // O_RDONLY
        if (fd < 0) return;
        try { _ = FSync(fd); }
        finally { _ = Close(fd); }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive {Number}: its record had committed before a stop; its staged files were moved into the archive")]
    private partial void LogCompleted(string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive staging leftover {Number} removed: an archiving stopped before its record committed (not tampering)")]
    private partial void LogRemoved(string number);
}
