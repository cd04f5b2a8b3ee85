using System.Security.Cryptography;

namespace PartyAffairs.App.Features.Shared;

/// <summary>A random password that always meets the Identity password rules (a digit, a lower- and an upper-case letter, 8+ characters).</summary>
public static class OneTimePassword
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create()
    {
        var random = RandomNumberGenerator.GetString(Alphabet, 12);
        return $"Pa{RandomNumberGenerator.GetInt32(2, 10)}-{random}";
    }
}
