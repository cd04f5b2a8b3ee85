using System.Security.Cryptography;

namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>Initial and reset passwords: random, and easy to read off a screen (no 0/O, 1/l/I).</summary>
public static class PasswordGenerator
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    /// <summary>Twelve characters with at least one lower-case letter, one upper-case letter and one digit (Identity's password rules).</summary>
    public static string Generate()
    {
        var chars = (RandomNumberGenerator.GetString(Lower, 1)
            + RandomNumberGenerator.GetString(Upper, 1)
            + RandomNumberGenerator.GetString(Digits, 1)
            + RandomNumberGenerator.GetString(Lower + Upper + Digits, 9)).ToCharArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
