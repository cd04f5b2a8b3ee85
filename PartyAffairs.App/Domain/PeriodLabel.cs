using System.Text.RegularExpressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// The label a regular occurrence is stored with, in Chinese (「2026年11月」, 「2026年第四季度」, 「2026年下半年」, 「2026年度」,
/// 「2026年度（长期公开）」), and the period it names read back from it, so the pages can show it in the reader's language.
/// Stated once: <see cref="CatalogueItem"/> writes labels only through here. Phase and event labels are people's own text.
/// </summary>
public static partial class PeriodLabel
{
    private const string QuarterNumerals = "一二三四";

    public static string Month(int year, int month) => $"{year}年{month}月";

    public static string Quarter(int year, int quarter) => $"{year}年第{QuarterNumerals[quarter - 1]}季度";

    public static string Half(int year, int half) => half == 1 ? $"{year}年上半年" : $"{year}年下半年";

    public static string Year(int year) => $"{year}年度";

    public static string StandingYear(int year) => $"{year}年度（长期公开）";

    /// <summary>The period a stored label names, or null for a phase's or an event's own text.</summary>
    public static Period? Parse(string? label)
    {
        if (string.IsNullOrEmpty(label)) return null;
        var m = Pattern().Match(label);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new Period(Cadence.Monthly, year, month) : null;
        }
        if (m.Groups["q"].Success) return new Period(Cadence.Quarterly, year, QuarterNumerals.IndexOf(m.Groups["q"].Value[0]) + 1);
        if (m.Groups["h"].Success) return new Period(Cadence.HalfYearly, year, m.Groups["h"].Value == "上" ? 1 : 2);
        return new Period(Cadence.Yearly, year, 1, Standing: m.Groups["s"].Success);
    }

    [GeneratedRegex("^(?<y>\\d{4})(?:年(?<m>\\d{1,2})月|年第(?<q>[一二三四])季度|年(?<h>[上下])半年|年度(?<s>（长期公开）)?)$")]
    private static partial Regex Pattern();

    /// <summary>
    /// A period a label names, by the cadence it belongs to: <see cref="Index"/> is the month (1–12), quarter (1–4) or half
    /// (1–2), 1 for a year; <see cref="Standing"/> for a standing line's whole year.
    /// </summary>
    public sealed record Period(Cadence Cadence, int Year, int Index, bool Standing = false);
}
