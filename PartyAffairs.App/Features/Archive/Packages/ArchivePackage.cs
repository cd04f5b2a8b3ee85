using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Archive.Packages;

/// <summary>
/// An archive record as a self-contained BagIt-style zip (RFC 8493 layout): <c>bagit.txt</c>, <c>bag-info.txt</c>
/// (number, digest, previous digest), the payload under <c>data/</c> — the canonical record, a readable copy of the
/// content, the attachments — and <c>manifest-sha256.txt</c> with every payload file's SHA-256, so
/// <see cref="ArchivePackageVerifier"/> or any BagIt tool can check it without the application.
/// </summary>
public static class ArchivePackage
{
    public const string RecordPath = "data/record.json";
    public const string ContentPath = "data/content.md";
    public const string AttachmentFolder = "data/attachments/";
    public const string Manifest = "manifest-sha256.txt";
    public const string TagManifest = "tagmanifest-sha256.txt";
    public const string BagIt = "bagit.txt";
    public const string BagInfo = "bag-info.txt";

    public static string FileName(string archiveNumber) => $"{archiveNumber}.zip";

    public static async Task WriteAsync(ArchiveRecord record, string archiveDirectory, DateTime baggedAtUtc, Stream output,
        CancellationToken cancellationToken)
    {
        var snapshot = ArchiveSnapshot.FromCanonicalJson(record.CanonicalJson);
        var payload = new List<(string Path, string Sha256)>();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

        payload.Add((RecordPath, await AddTextAsync(zip, RecordPath, record.CanonicalJson, cancellationToken)));
        payload.Add((ContentPath, await AddTextAsync(zip, ContentPath, Content(snapshot), cancellationToken)));
        foreach (var file in record.Files.OrderBy(f => f.StoredPath, StringComparer.Ordinal))
        {
            var path = AttachmentFolder + Path.GetFileName(file.StoredPath);
            var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
            await using var source = File.OpenRead(Path.Combine(archiveDirectory, file.StoredPath));
            await using var target = await entry.OpenAsync(cancellationToken);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            // The hash of the bytes packed, not the recorded one: a damaged store shows up as a package that fails its own check.
            payload.Add((path, Convert.ToHexStringLower(hash.GetHashAndReset())));
        }

        var tags = new List<(string Path, string Sha256)>
        {
            (BagIt, await AddTextAsync(zip, BagIt, "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", cancellationToken)),
            (BagInfo, await AddTextAsync(zip, BagInfo, string.Join('\n',
                $"Archive-Number: {record.ArchiveNumber}",
                $"Archive-Digest: {record.Digest}",
                $"Previous-Digest: {record.PreviousDigest ?? ""}",
                $"Chain-Index: {record.ChainIndex.ToString(CultureInfo.InvariantCulture)}",
                $"Bagging-Date: {baggedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                "") , cancellationToken)),
            (Manifest, await AddTextAsync(zip, Manifest, ManifestText(payload), cancellationToken)),
        };
        await AddTextAsync(zip, TagManifest, ManifestText(tags), cancellationToken);
    }

    /// <summary>BagIt manifest lines: <c>checksum  path</c>.</summary>
    private static string ManifestText(IEnumerable<(string Path, string Sha256)> files) =>
        string.Concat(files.Select(f => $"{f.Sha256}  {f.Path}\n"));

    /// <summary>The text for a reader without the app: a Markdown body as frozen, an HTML body as its visible text (the HTML is in the snapshot).</summary>
    private static string Content(ArchiveSnapshot snapshot) =>
        $"# {snapshot.Disclosure.Title}\n\n{snapshot.ArchiveNumber} · {snapshot.OrganizationName}\n\n{ArchivedBody.Text(snapshot)}\n";

    private static async Task<string> AddTextAsync(ZipArchive zip, string path, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
