using System.Security.Cryptography;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// First-start, initial and reset passwords: random, easy to read off a screen (no 0/O, 1/l/I), and
/// always within Identity's rules (a lower-case letter, an upper-case letter and a digit).
/// </summary>
public static class OneTimePassword
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static string Create()
    {
        var chars = (RandomNumberGenerator.GetString(Lower, 1)
            + RandomNumberGenerator.GetString(Upper, 1)
            + RandomNumberGenerator.GetString(Digits, 1)
            + RandomNumberGenerator.GetString(Lower + Upper + Digits, 9)).ToCharArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
