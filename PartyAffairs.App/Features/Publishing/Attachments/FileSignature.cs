namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// Tells a file's real type from its first bytes (magic numbers), never from its name: a renamed
/// executable is refused. The extension must also agree with what the content is, so a browser or
/// office program opening the download sees what the uploader claimed.
/// </summary>
public static class FileSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeaderLength = 12;

    private static readonly Dictionary<string, string> ZipOffice = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".wps"] = "application/vnd.ms-works",
        [".et"] = "application/vnd.ms-excel",
        [".dps"] = "application/vnd.ms-powerpoint",
    };

    private static readonly Dictionary<string, string> LegacyOffice = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".wps"] = "application/vnd.ms-works",
        [".et"] = "application/vnd.ms-excel",
        [".dps"] = "application/vnd.ms-powerpoint",
    };

    /// <summary>The content type to store and serve, or null when the bytes are not an accepted type or the extension disagrees.</summary>
    public static string? Detect(ReadOnlySpan<byte> header, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (StartsWith(header, "%PDF"u8)) return extension == ".pdf" ? "application/pdf" : null;
        if (StartsWith(header, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return extension == ".png" ? "image/png" : null;
        if (StartsWith(header, [0xFF, 0xD8, 0xFF])) return extension is ".jpg" or ".jpeg" ? "image/jpeg" : null;
        if (StartsWith(header, "GIF87a"u8) || StartsWith(header, "GIF89a"u8)) return extension == ".gif" ? "image/gif" : null;
        if (StartsWith(header, "RIFF"u8) && header.Length >= 12 && header[8..12].SequenceEqual("WEBP"u8)) return extension == ".webp" ? "image/webp" : null;
        if (StartsWith(header, [0x50, 0x4B, 0x03, 0x04])) return ZipOffice.GetValueOrDefault(extension);
        if (StartsWith(header, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return LegacyOffice.GetValueOrDefault(extension);
        return null;
    }

    private static bool StartsWith(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic) => header.StartsWith(magic);
}
