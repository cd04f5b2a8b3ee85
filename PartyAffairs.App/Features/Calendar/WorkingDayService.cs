using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>
/// Answers "N working days after date D" for every deadline in the app, over the Admin's calendar.
/// A singleton that caches the calendar until someone edits it.
/// </summary>
public sealed class WorkingDayService(IDbContextFactory<AppDbContext> dbFactory)
{
    private volatile WorkingCalendar? cached;

    public async Task<WorkingCalendar> GetCalendarAsync(CancellationToken cancellationToken = default)
    {
        if (cached is { } calendar) return calendar;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        return cached = new WorkingCalendar(days);
    }

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly date, int workingDays, CancellationToken cancellationToken = default) =>
        (await GetCalendarAsync(cancellationToken)).AddWorkingDays(date, workingDays);

    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        (await GetCalendarAsync(cancellationToken)).IsWorkingDay(date);

    /// <summary>Called after the calendar changes.</summary>
    public void Invalidate() => cached = null;
}
