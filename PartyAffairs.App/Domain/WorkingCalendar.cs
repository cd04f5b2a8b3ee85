namespace PartyAffairs.App.Domain;

/// <summary>
/// Which days are working days: Monday to Friday, less the holidays, plus the make-up working days.
/// Pure logic over the exceptions, so deadlines across 调休 weeks are testable without a database.
/// When it is told which years' State Council notices were imported (<paramref name="officialYears"/>), every other year
/// is provisional: it holds the <see cref="StatutoryHolidays"/> of the national rule under the days entered by hand, so
/// 元旦 or 国庆 are never counted as working days just because next year's notice is not out yet.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> exceptions;
    private readonly HashSet<int>? officialYears;
    private readonly Dictionary<int, IReadOnlyList<CalendarDay>> statutory = [];

    /// <param name="officialYears">The years whose notice was imported; null when the exceptions are all there is (no year provisional).</param>
    public WorkingCalendar(IEnumerable<CalendarDay> exceptions, IEnumerable<int>? officialYears = null)
    {
        this.exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);
        this.officialYears = officialYears?.ToHashSet();
        if (this.officialYears is null) return;
        // Computed up front (a century is about 1,300 days): the calendar is shared by every circuit, so it stays read-only once built.
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            if (this.officialYears.Contains(year)) continue;
            statutory[year] = StatutoryHolidays.For(year);
            // What the Admin entered by hand for the year wins over the rule.
            foreach (var day in statutory[year]) this.exceptions.TryAdd(day.Date, day.Kind);
        }
    }

    /// <summary>Whether <paramref name="year"/> is counted on computed statutory holidays because its notice has not been imported.</summary>
    public bool IsProvisional(int year) => officialYears is not null && !officialYears.Contains(year);

    /// <summary>
    /// Whether a due date was counted on a provisional year. Working days are counted forwards to the due date, and notices
    /// come out year by year, so the due date's own year is the one that can still change it.
    /// </summary>
    public bool IsProvisional(DateOnly dueDate) => IsProvisional(dueDate.Year);

    /// <summary>The statutory holidays this calendar computed for a provisional year (none for an official one).</summary>
    public IReadOnlyList<CalendarDay> ComputedHolidays(int year) => statutory.GetValueOrDefault(year) ?? [];

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
