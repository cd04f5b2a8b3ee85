namespace PartyAffairs.App.Domain;

/// <summary>
/// Which days are working days: Monday to Friday, less the holidays, plus the make-up working days.
/// Pure logic over the exceptions, so deadlines across 调休 weeks are testable without a database.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<CalendarDay> exceptions)
{
    private readonly Dictionary<DateOnly, CalendarDayKind> exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);

    public bool IsWorkingDay(DateOnly date) => exceptions.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.Workday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The N-th working day after <paramref name="date"/> (the date itself not counted); N = 0 gives the date itself or the next working day.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        if (workingDays == 0)
        {
            while (!IsWorkingDay(day)) day = day.AddDays(1);
            return day;
        }
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }
}
