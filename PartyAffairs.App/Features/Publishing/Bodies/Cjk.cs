namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>Which characters a Chinese office counts one by one and never separates with spaces.</summary>
internal static class Cjk
{
    /// <summary>Han ideographs (BMP and supplementary), CJK and full-width punctuation, kana and Hangul.</summary>
    public static bool IsWide(int codePoint) =>
        codePoint is >= 0x2E80 and <= 0x9FFF      // radicals, CJK punctuation, kana, ext. A, unified ideographs
            or >= 0xAC00 and <= 0xD7AF            // Hangul syllables
            or >= 0xF900 and <= 0xFAFF            // compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F            // compatibility forms
            or >= 0xFF00 and <= 0xFFEF            // full-width forms
            or >= 0x20000 and <= 0x3FFFF;         // ideograph extensions B–H

    public static bool IsWide(char c) => !char.IsSurrogate(c) && IsWide((int)c);
}
