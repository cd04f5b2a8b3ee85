using System.Security.Cryptography;
using System.Text;

namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// The one formula for an archive record's digest, shared by the writer and the verifier so they can never disagree:
/// lower-hex SHA-256 over the UTF-8 bytes of <c>canonical JSON + "\n" + each file's SHA-256 (in the ordinal order of the
/// stored paths, which the writer numbers in attachment order; concatenated) + "\n" + the previous record's digest</c> (empty for the first record of the chain).
/// </summary>
public static class ArchiveDigest
{
    public static string Compute(string canonicalJson, IEnumerable<string> fileSha256s, string? previousDigest)
    {
        var text = new StringBuilder(canonicalJson).Append('\n');
        foreach (var sha256 in fileSha256s) text.Append(sha256.ToLowerInvariant());
        text.Append('\n').Append(previousDigest ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
