using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;

namespace PartyAffairs.Tests.Domain;

/// <summary>The national rule's holidays, against the real 2026 notice and known lunar dates.</summary>
public sealed class StatutoryHolidaysTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Theory]
    [InlineData(2008, 4)]
    [InlineData(2026, 5)]
    [InlineData(2027, 5)]
    [InlineData(2029, 4)]
    [InlineData(2032, 4)]
    public void Qingming_falls_on_the_solar_terms_day(int year, int day) =>
        StatutoryHolidays.Qingming(year).ShouldBe(new DateOnly(year, 4, day));

    [Theory]
    [InlineData(2026, 1, 1, "2026-02-17")] // 正月初一 of the 2026 notice
    [InlineData(2027, 1, 1, "2027-02-06")]
    [InlineData(2028, 1, 1, "2028-01-26")]
    [InlineData(2026, 5, 5, "2026-06-19")] // 端午 of the 2026 notice
    [InlineData(2027, 5, 5, "2027-06-09")]
    [InlineData(2028, 5, 5, "2028-05-28")] // 2028 has 闰五月: 五月初五 comes before it
    [InlineData(2026, 8, 15, "2026-09-25")] // 中秋 of the 2026 notice
    [InlineData(2027, 8, 15, "2027-09-15")]
    [InlineData(2028, 8, 15, "2028-10-03")] // after 闰五月: 八月 is the calendar's ninth month
    [InlineData(2025, 5, 5, "2025-05-31")] // 2025 has 闰六月
    [InlineData(2025, 8, 15, "2025-10-06")]
    [InlineData(2023, 8, 15, "2023-09-29")] // 2023 has 闰二月
    public void Lunar_dates_count_a_leap_month_as_a_month_of_its_own(int year, int month, int day, string expected) =>
        StatutoryHolidays.LunarDate(year, month, day).ShouldBe(D(expected));

    [Fact]
    public void The_2028_calendar_has_a_leap_fifth_month() =>
        new System.Globalization.ChineseLunisolarCalendar().GetLeapMonth(2028).ShouldBe(6);

    [Fact]
    public void Every_day_the_rule_gives_for_2026_is_a_holiday_of_the_real_2026_notice()
    {
        var notice = CalendarCsv.Bundled().Where(d => d.Kind == CalendarDayKind.Holiday).ToDictionary(d => d.Date, d => d.Name);
        var rule = StatutoryHolidays.For(2026);

        // 元旦 1, 春节 除夕..初三 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3.
        rule.Count.ShouldBe(13);
        rule.ShouldAllBe(d => d.Kind == CalendarDayKind.Holiday);
        foreach (var day in rule) notice.ShouldContainKeyAndValue(day.Date, day.Name);
    }

    [Fact]
    public void A_year_in_which_mid_autumn_falls_in_national_day_names_the_day_once()
    {
        var rule = StatutoryHolidays.For(2028);
        rule.Select(d => d.Date).ShouldBeUnique();
        rule.Count.ShouldBe(12);
        rule.ShouldContain(d => d.Date == D("2028-10-03"));
    }

    [Fact]
    public void The_2027_holidays_by_the_rule()
    {
        StatutoryHolidays.For(2027).Select(d => $"{d.Date:MM-dd} {d.Name}").ShouldBe([
            "01-01 元旦", "02-05 春节", "02-06 春节", "02-07 春节", "02-08 春节", "04-05 清明节", "05-01 劳动节", "05-02 劳动节",
            "06-09 端午节", "09-15 中秋节", "10-01 国庆节", "10-02 国庆节", "10-03 国庆节"]);
    }

    [Fact]
    public void A_calendar_told_its_official_years_counts_other_years_on_the_rule_and_marks_them_provisional()
    {
        var calendar = new WorkingCalendar(CalendarCsv.Bundled(), [2026]);

        calendar.IsProvisional(2026).ShouldBeFalse();
        calendar.IsProvisional(2027).ShouldBeTrue();
        calendar.IsProvisional(D("2027-01-08")).ShouldBeTrue();
        // 2026 keeps its notice (Saturday 10-10 is a make-up working day), 2027 gets the rule.
        calendar.IsWorkingDay(D("2026-10-10")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-01-01")).ShouldBeFalse();
        calendar.IsWorkingDay(D("2027-10-01")).ShouldBeFalse();
        calendar.AddWorkingDays(D("2026-12-31"), 5).ShouldBe(D("2027-01-08"));
        calendar.ComputedHolidays(2027).Count.ShouldBe(13);
        calendar.ComputedHolidays(2026).ShouldBeEmpty();
    }

    [Fact]
    public void A_day_entered_by_hand_in_a_provisional_year_wins_over_the_rule()
    {
        var calendar = new WorkingCalendar([new CalendarDay(D("2027-10-02"), CalendarDayKind.Workday, "值班")], [2026]);

        calendar.IsWorkingDay(D("2027-10-02")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-10-01")).ShouldBeFalse();
    }

    [Fact]
    public void A_calendar_not_told_its_official_years_has_no_provisional_year() =>
        new WorkingCalendar(CalendarCsv.Bundled()).IsProvisional(2027).ShouldBeFalse();
}
