using System.Security.Cryptography;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// Stores an uploaded file under the data directory the one way every upload is stored: the type told by its content
/// (<see cref="FileSignature"/>), at most a limit of bytes, hashed (SHA-256) while copied, moved into place only once it
/// passed. A refusal comes back as a message key with its arguments; nothing stays on disk.
/// </summary>
public static class UploadStore
{
    public sealed record Stored(string RelativePath, string ContentType, long Size, string Sha256);

    public sealed record Outcome(Stored? File, string? RefusalKey, object[] Arguments);

    // Reads at most limit + 1 bytes so an oversized upload is refused without reading it all; writes to a
    // temporary name and moves it into place only when the content passed every check.
    public static async Task<Outcome> StoreAsync(string directory, string dataDirectory, string name, Stream content, long limit,
        IReadOnlySet<string>? allowedTypes, CancellationToken cancellationToken)
    {
        var header = new byte[FileSignature.HeaderLength];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (headerLength == 0) return new Outcome(null, "Attachment.EmptyFile", [name]);
        var contentType = FileSignature.Detect(header.AsSpan(0, headerLength), name);
        if (contentType is null || (allowedTypes is not null && !allowedTypes.Contains(contentType)))
            return new Outcome(null, "Attachment.TypeRefused", [name]);

        Directory.CreateDirectory(directory);
        var finalName = $"{Guid.NewGuid():N}{Path.GetExtension(name).ToLowerInvariant()}";
        var temp = Path.Combine(directory, finalName + ".part");
        long size = headerLength;
        string sha256;
        try
        {
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                hash.AppendData(header, 0, headerLength);
                await output.WriteAsync(header.AsMemory(0, headerLength), cancellationToken);
                var buffer = new byte[81920];
                int read;
                while (size <= limit && (read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit + 1 - size)), cancellationToken)) > 0)
                {
                    size += read;
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (size > limit) return new Outcome(null, "Attachment.TooLarge", [name, limit / (1024 * 1024)]);
            File.Move(temp, Path.Combine(directory, finalName));
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        var relative = Path.GetRelativePath(dataDirectory, Path.Combine(directory, finalName));
        return new Outcome(new Stored(relative, contentType, size, sha256), null, []);
    }

    /// <summary>
    /// Only the last part of what the browser sent: no directories, no control characters, and nothing hidden
    /// (<see cref="UserText"/>: a bidi override made <c>photo\u202Egnp.pdf</c> show on the board as a PNG; it is kept as <c>photognp.pdf</c>).
    /// </summary>
    public static string SafeName(string fileName)
    {
        var last = UserText.Clean(fileName.Replace('\\', '/').Split('/').Last(), TextKind.FileName);
        var clean = new string(last.Where(c => !Path.GetInvalidFileNameChars().Contains(c)).ToArray()).Trim();
        return clean.Length == 0 ? "file" : clean.Length > 200 ? clean[^200..] : clean;
    }
}
