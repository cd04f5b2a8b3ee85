using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PartyAffairs.App.Features.Archive.Verification;

namespace PartyAffairs.App.Features.Archive.Packages;

/// <summary>
/// Checks a downloaded package on its own: it must be a readable zip with the bag's files, every manifest line must
/// match its file, nothing may sit in the payload unlisted, the attachments must be the ones the record lists, and the
/// record with its files' hashes and the previous digest must give the digest the bag declares.
/// </summary>
public static class ArchivePackageVerifier
{
    public static async Task<ArchiveVerificationReport> VerifyAsync(Stream package, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                await using var stream = await entry.OpenAsync(cancellationToken);
                hashes[entry.FullName] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            }
            var info = await ReadTextAsync(zip, ArchivePackage.BagInfo, cancellationToken);
            var manifest = await ReadTextAsync(zip, ArchivePackage.Manifest, cancellationToken);
            var json = await ReadTextAsync(zip, ArchivePackage.RecordPath, cancellationToken);
            if (info is null || manifest is null || json is null || !hashes.ContainsKey(ArchivePackage.BagIt))
                return Report(0, [new ArchiveProblem(name, ArchiveProblemKind.PackageIncomplete)]);

            var fields = info.Split('\n').Select(l => l.Split(": ", 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
            var subject = fields.GetValueOrDefault("Archive-Number") is { Length: > 0 } number ? number : name;
            var problems = new List<ArchiveProblem>();
            var listed = ParseManifest(manifest);
            var tagManifest = await ReadTextAsync(zip, ArchivePackage.TagManifest, cancellationToken);
            foreach (var (path, sha256) in listed.Concat(tagManifest is null ? [] : ParseManifest(tagManifest)))
            {
                if (!hashes.TryGetValue(path, out var actual)) problems.Add(new ArchiveProblem(subject, ArchiveProblemKind.MissingFile, path));
                else if (actual != sha256) problems.Add(new ArchiveProblem(subject, ArchiveProblemKind.ChangedFile, path));
            }
            foreach (var path in hashes.Keys.Where(p => p.StartsWith("data/", StringComparison.Ordinal) && !listed.ContainsKey(p)).Order(StringComparer.Ordinal))
                problems.Add(new ArchiveProblem(subject, ArchiveProblemKind.UnexpectedFile, path));

            if (!RecordHolds(json, listed, fields)) problems.Add(new ArchiveProblem(subject, ArchiveProblemKind.ChangedRecord));
            return Report(listed.Count, problems);
        }
        catch (InvalidDataException)
        {
            return Report(0, [new ArchiveProblem(name, ArchiveProblemKind.PackageUnreadable)]);
        }
    }

    /// <summary>The record's attachments are the packed ones, and its digest is the one the bag declares.</summary>
    private static bool RecordHolds(string json, IReadOnlyDictionary<string, string> listed, IReadOnlyDictionary<string, string> fields)
    {
        ArchiveSnapshot snapshot;
        try
        {
            snapshot = ArchiveSnapshot.FromCanonicalJson(json);
        }
        catch (JsonException)
        {
            return false;
        }
        var attachments = snapshot.Attachments.OrderBy(a => a.ArchivedPath, StringComparer.Ordinal).ToList();
        var packed = listed.Keys.Where(p => p.StartsWith(ArchivePackage.AttachmentFolder, StringComparison.Ordinal)).ToList();
        if (packed.Count != attachments.Count) return false;
        if (attachments.Any(a => listed.GetValueOrDefault(ArchivePackage.AttachmentFolder + Path.GetFileName(a.ArchivedPath)) != a.Sha256)) return false;
        var previous = fields.GetValueOrDefault("Previous-Digest") is { Length: > 0 } p ? p : null;
        return snapshot.ArchiveNumber == fields.GetValueOrDefault("Archive-Number")
            && ArchiveDigest.Compute(json, attachments.Select(a => a.Sha256), previous) == fields.GetValueOrDefault("Archive-Digest");
    }

    private static Dictionary<string, string> ParseManifest(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split("  ", 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[1].TrimEnd('\r'), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[0].ToLowerInvariant(), StringComparer.Ordinal);

    private static async Task<string?> ReadTextAsync(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(path);
        if (entry is null) return null;
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static ArchiveVerificationReport Report(int fileCount, IReadOnlyList<ArchiveProblem> problems) =>
        new(problems.Any(p => p.Kind is ArchiveProblemKind.PackageUnreadable or ArchiveProblemKind.PackageIncomplete) ? 0 : 1, fileCount, null, problems);
}
