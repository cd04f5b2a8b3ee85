using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>
/// Recomputes every archive record's digest and every archived file's hash, walks the bureau's one chain and looks
/// for files nobody archived. It reads the database and the store directly and trusts neither: whatever was changed
/// behind the application's back is named by its archive number. Used by the CLI verb, the Office's page and the nightly run.
/// </summary>
public sealed class ArchiveVerifier(IDbContextFactory<AppDbContext> dbFactory, IOptions<StorageOptions> storage)
{
    private const int Batch = 500;

    public async Task<ArchiveVerificationReport> VerifyAsync(IProgress<ArchiveVerificationProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.ArchiveRecords.CountAsync(cancellationToken);
        var problems = new List<ArchiveProblem>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var archiveDirectory = storage.Value.ArchiveDirectory;
        string? previousDigest = null;
        long expectedIndex = 1, lastIndex = 0;
        int done = 0, fileCount = 0;
        progress?.Report(new ArchiveVerificationProgress(0, total));

        // In batches along the chain, so ten thousand records' JSON never sit in memory at once.
        while (true)
        {
            var batch = await db.ArchiveRecords.AsNoTracking().Include(r => r.Files)
                .Where(r => r.ChainIndex > lastIndex)
                .OrderBy(r => r.ChainIndex)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var record in batch)
            {
                if (record.ChainIndex != expectedIndex)
                    problems.Add(new ArchiveProblem(record.ArchiveNumber, ArchiveProblemKind.ChainGap, $"{expectedIndex}–{record.ChainIndex - 1}"));
                if (record.PreviousDigest != previousDigest)
                    problems.Add(new ArchiveProblem(record.ArchiveNumber, ArchiveProblemKind.ChainLink));
                var files = record.Files.OrderBy(f => f.StoredPath, StringComparer.Ordinal).ToList();
                var digest = ArchiveDigest.Compute(record.CanonicalJson, files.Select(f => f.Sha256), record.PreviousDigest);
                if (digest != record.Digest || !MatchesSnapshot(record, files))
                    problems.Add(new ArchiveProblem(record.ArchiveNumber, ArchiveProblemKind.ChangedRecord));
                foreach (var file in files)
                {
                    fileCount++;
                    referenced.Add(file.StoredPath);
                    var problem = await CheckFileAsync(Path.Combine(archiveDirectory, file.StoredPath), file, cancellationToken);
                    if (problem is { } kind) problems.Add(new ArchiveProblem(record.ArchiveNumber, kind, file.StoredPath));
                }
                previousDigest = record.Digest;
                expectedIndex = record.ChainIndex + 1;
                lastIndex = record.ChainIndex;
                done++;
                progress?.Report(new ArchiveVerificationProgress(done, total));
            }
        }

        foreach (var path in StoreFiles(archiveDirectory).Where(p => !referenced.Contains(p)))
        {
            // The first folder of a stored path is the record's archive number.
            var slash = path.IndexOf('/');
            problems.Add(new ArchiveProblem(slash > 0 ? path[..slash] : path, ArchiveProblemKind.UnexpectedFile, path));
        }
        return new ArchiveVerificationReport(done, fileCount, previousDigest, problems);
    }

    /// <summary>The row's searchable columns and file rows must say what its frozen content says; the digest covers only the content.</summary>
    private static bool MatchesSnapshot(ArchiveRecord record, IReadOnlyList<ArchiveFile> files)
    {
        ArchiveSnapshot snapshot;
        try
        {
            snapshot = ArchiveSnapshot.FromCanonicalJson(record.CanonicalJson);
        }
        catch (JsonException)
        {
            return false;
        }
        var d = snapshot.Disclosure;
        return snapshot.ArchiveNumber == record.ArchiveNumber
            && snapshot.ChainIndex == record.ChainIndex
            && snapshot.ArchivedAtUtc == record.ArchivedAtUtc
            && snapshot.ArchivedById == record.ArchivedById
            && ArchiveRecord.FormatNumber(snapshot.OrganizationCode, record.Year, record.Sequence) == record.ArchiveNumber
            && d.Id == record.DisclosureId && d.OrganizationId == record.OrganizationId && d.Title == record.Title
            && d.Category == record.Category && d.Audience == record.Audience
            && snapshot.Attachments.Count == files.Count
            && snapshot.Attachments.Zip(files).All(p => p.First.Sha256 == p.Second.Sha256 && p.First.ArchivedPath == p.Second.StoredPath
                && p.First.SizeBytes == p.Second.SizeBytes && p.First.FileName == p.Second.FileName);
    }

    private static async Task<ArchiveProblemKind?> CheckFileAsync(string path, ArchiveFile file, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return ArchiveProblemKind.MissingFile;
        await using var stream = File.OpenRead(path);
        if (stream.Length != file.SizeBytes) return ArchiveProblemKind.ChangedFile;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return sha256 == file.Sha256 ? null : ArchiveProblemKind.ChangedFile;
    }

    /// <summary>Every file under the store, as a path relative to it with forward slashes, as records store them.</summary>
    private static IEnumerable<string> StoreFiles(string archiveDirectory) =>
        Directory.Exists(archiveDirectory)
            ? Directory.EnumerateFiles(archiveDirectory, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(archiveDirectory, p).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
            : [];
}
