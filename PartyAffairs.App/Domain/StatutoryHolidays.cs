using System.Globalization;

namespace PartyAffairs.App.Domain;

/// <summary>
/// The statutory holidays of a year by the national rule (全国年节及纪念日放假办法), for a year whose State Council notice
/// has not been imported: 元旦, 春节 (除夕 and 正月初一至初三), 清明, 劳动节 (1–2 May), 端午, 中秋, 国庆 (1–3 October).
/// The notice later adds bridge days and 调休 make-up days, which no rule predicts: until then the year is provisional.
/// </summary>
public static class StatutoryHolidays
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The year's statutory holidays, in date order; none outside the years the 清明 formula holds for.</summary>
    public static IReadOnlyList<CalendarDay> For(int year)
    {
        if (!Covers(year)) return [];
        var newYear = LunarDate(year, 1, 1);
        var days = new List<CalendarDay>
        {
            new(new DateOnly(year, 1, 1), CalendarDayKind.Holiday, "元旦"),
            new(newYear.AddDays(-1), CalendarDayKind.Holiday, "春节"),
            new(newYear, CalendarDayKind.Holiday, "春节"),
            new(newYear.AddDays(1), CalendarDayKind.Holiday, "春节"),
            new(newYear.AddDays(2), CalendarDayKind.Holiday, "春节"),
            new(Qingming(year), CalendarDayKind.Holiday, "清明节"),
            new(new DateOnly(year, 5, 1), CalendarDayKind.Holiday, "劳动节"),
            new(new DateOnly(year, 5, 2), CalendarDayKind.Holiday, "劳动节"),
            new(LunarDate(year, 5, 5), CalendarDayKind.Holiday, "端午节"),
            new(LunarDate(year, 8, 15), CalendarDayKind.Holiday, "中秋节"),
            new(new DateOnly(year, 10, 1), CalendarDayKind.Holiday, "国庆节"),
            new(new DateOnly(year, 10, 2), CalendarDayKind.Holiday, "国庆节"),
            new(new DateOnly(year, 10, 3), CalendarDayKind.Holiday, "国庆节"),
        };
        // 中秋 can fall on 1–3 October (e.g. 2025-10-06 does not, 2028-10-03 does): one day is one holiday, named once.
        return days.GroupBy(d => d.Date).Select(g => g.First()).OrderBy(d => d.Date).ToList();
    }

    /// <summary>
    /// 清明 is the solar term (about 4–5 April): for 2000–2099 its day of April is ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with Y the
    /// last two digits of the year (the "寿星通用公式").
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var day = (int)Math.Floor(y * 0.2422 + 4.81) - y / 4;
        return new DateOnly(year, 4, day);
    }

    /// <summary>
    /// The Gregorian date of a lunar month and day in the lunar year that starts in <paramref name="year"/>.
    /// The calendar numbers a leap month as a month of its own: in a year with 闰四月 (leap index 5), 五月 is month 6.
    /// </summary>
    public static DateOnly LunarDate(int year, int lunarMonth, int lunarDay)
    {
        var leap = Lunar.GetLeapMonth(year);
        var month = leap > 0 && leap <= lunarMonth ? lunarMonth + 1 : lunarMonth;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, month, lunarDay, 0, 0, 0, 0));
    }
}
