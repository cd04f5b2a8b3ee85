using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;

namespace PartyAffairs.Tests.Domain;

/// <summary>Deadlines across the 2026 调休 weeks, worked out by hand from the State Council notice.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(CalendarCsv.Bundled());

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")] // National Day: 10-01..10-07 off
    [InlineData("2026-09-30", 3, "2026-10-10")] // Saturday 10-10 is a make-up working day
    [InlineData("2026-09-30", 4, "2026-10-12")]
    [InlineData("2026-02-13", 1, "2026-02-14")] // Saturday 02-14 worked before Spring Festival
    [InlineData("2026-02-13", 2, "2026-02-24")] // 02-15..02-23 off
    [InlineData("2026-09-18", 1, "2026-09-20")] // Sunday 09-20 worked; Saturday 09-19 is not
    [InlineData("2026-11-27", 1, "2026-11-30")] // an ordinary weekend
    [InlineData("2026-10-03", 0, "2026-10-08")] // zero days from a holiday: the next working day
    public void Adds_working_days(string from, int days, string expected)
    {
        Calendar.AddWorkingDays(DateOnly.Parse(from), days).ShouldBe(DateOnly.Parse(expected));
    }

    [Fact]
    public void Counts_working_days_between_dates()
    {
        Calendar.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 12)).ShouldBe(4);
        Calendar.IsWorkingDay(new DateOnly(2026, 1, 4)).ShouldBeTrue();
        Calendar.IsWorkingDay(new DateOnly(2026, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void Parses_lines_and_names_the_bad_one()
    {
        var bad = new StringReader("date,kind,name\n2026-01-01,holiday,元旦\n2026-13-01,holiday,错\n");
        Should.Throw<DomainRuleException>(() => CalendarCsv.Parse(bad)).Arguments.ShouldBe([3]);
    }
}
