using System.Security.Cryptography;
using System.Text;

namespace PartyAffairs.App.Domain;

/// <summary>
/// 查询码: the random code a sender keeps to follow what she sent (feedback now, applications later). Drawn with
/// <see cref="RandomNumberGenerator"/> from an alphabet without look-alikes (no 0/O, 1/I/L), shown once, and stored only as
/// its SHA-256 hash, so the database alone does not reveal a code. The code says nothing about who sent it.
/// </summary>
public static class TrackingCode
{
    /// <summary>Digits and capitals without 0, 1, I, L, O.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 12;

    /// <summary>Longest input worth looking at: the code with a few separators; anything longer is simply wrong.</summary>
    public const int MaxInputLength = 40;

    /// <summary>Length of the stored hash (hex of SHA-256).</summary>
    public const int HashLength = 64;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as typed, made canonical (upper case, spaces and hyphens dropped), or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxInputLength) return null;
        var builder = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\u3000') continue;
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper)) return null;
            builder.Append(upper);
        }
        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>The stored form of a canonical code.</summary>
    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Groups a code for reading aloud or copying: ABCD-EFGH-JKMN.</summary>
    public static string Display(string code) => string.Join("-", code.Chunk(4).Select(c => new string(c)));
}
