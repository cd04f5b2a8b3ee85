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

    /// <summary>Called after the calendar changes.</summary>
    public void Invalidate() => cached = null;
}
