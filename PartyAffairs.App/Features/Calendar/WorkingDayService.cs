using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>
/// Answers "N working days after date D" for every deadline in the app, over the Admin's calendar.
/// A singleton that caches the calendar until someone edits it. Years whose notice was not imported count on the computed
/// statutory holidays (<see cref="WorkingCalendar"/>), and say so.
/// </summary>
public sealed class WorkingDayService(IDbContextFactory<AppDbContext> dbFactory)
{
    private volatile WorkingCalendar? cached;

    public async Task<WorkingCalendar> GetCalendarAsync(CancellationToken cancellationToken = default)
    {
        if (cached is { } calendar) return calendar;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return cached = await ReadAsync(db, cancellationToken);
    }

    /// <summary>The calendar as <paramref name="db"/> holds it, e.g. inside a change not yet committed; not cached.</summary>
    public static async Task<WorkingCalendar> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var official = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        return new WorkingCalendar(days, official);
    }

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly date, int workingDays, CancellationToken cancellationToken = default) =>
        (await GetCalendarAsync(cancellationToken)).AddWorkingDays(date, workingDays);

    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        (await GetCalendarAsync(cancellationToken)).IsWorkingDay(date);

    /// <summary>
    /// The years that matter on <paramref name="today"/> and have no imported notice, so their due dates are provisional:
    /// this year, next year (December's monthly items and the fourth quarter fall due in it) and any later year an open occurrence falls due in.
    /// </summary>
    public async Task<IReadOnlyList<int>> MissingNoticesAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var calendar = await GetCalendarAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastDue = await db.CatalogueOccurrences.AsNoTracking()
            .Where(o => o.State == OccurrenceState.Open)
            .MaxAsync(o => (DateOnly?)o.DueDate, cancellationToken);
        var last = Math.Max(today.Year + 1, lastDue?.Year ?? 0);
        return Enumerable.Range(today.Year, last - today.Year + 1).Where(calendar.IsProvisional).ToList();
    }

    /// <summary>Called after the calendar changes.</summary>
    public void Invalidate() => cached = null;
}
