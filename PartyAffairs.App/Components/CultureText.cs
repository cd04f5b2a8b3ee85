using System.Globalization;

namespace PartyAffairs.App.Components;

/// <summary>
/// The punctuation that differs between the two languages: Chinese lists with 、 and writes a full-width colon (：), English
/// writes ", " and ": ", and their parentheses differ the same way. Text joined in code goes through here instead of a hard-coded 、 or ：.
/// </summary>
public static class CultureText
{
    private static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static string ListSeparator => IsChinese ? "、" : ", ";

    public static string Colon => IsChinese ? "：" : ": ";

    public static string Join(IEnumerable<string> parts) => string.Join(ListSeparator, parts);

    /// <summary>An aside after a word: 「（…）」 in Chinese, " (…)" in English; nothing when there is nothing to say.</summary>
    public static string Parenthesized(string? aside) =>
        string.IsNullOrEmpty(aside) ? "" : IsChinese ? $"（{aside}）" : $" ({aside})";
}
