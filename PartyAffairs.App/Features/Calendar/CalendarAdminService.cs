using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>
/// The Admin keeps the working-day calendar (holidays and 调休 make-up days) that every deadline counts
/// on. After any change the cached calendar in <see cref="WorkingDayService"/> is dropped, so the next
/// deadline computed anywhere sees it, and every occurrence not yet fulfilled is counted again on the new calendar
/// (<see cref="DueDateRecomputation"/>): an import's preview lists those moves before the Admin confirms.
/// </summary>
public sealed class CalendarAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    Outcomes outcomes,
    WorkingDayService workingDays,
    DueDateRecomputation recomputation,
    SettingsReader settings,
    NotificationSignal signal,
    BureauClock clock,
    IValidator<CalendarDayRequest> validator,
    IStringLocalizer<AdminStrings> text,
    ILogger<CalendarAdminService> logger)
{
    public Task<Result<IReadOnlyList<CalendarEntry>>> GetYearAsync(int year, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<CalendarEntry>>(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await InYear(db, year).AsNoTracking()
                .OrderBy(d => d.Date)
                .Select(d => new CalendarEntry(d.Date, d.Kind, d.Name))
                .ToListAsync(cancellationToken);
        });

    public Task<Result> AddAsync(CalendarDayRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var day = request.Day;
            if (await db.CalendarDays.AnyAsync(d => d.Date == day, cancellationToken))
            {
                throw Invalid.Field(nameof(request.Date), text["Calendar.DateTaken", day.ToString("yyyy-MM-dd")]);
            }
            db.CalendarDays.Add(new CalendarDay(day, request.Kind, request.Name));
            await SaveAsync(db, actor, cancellationToken);
            logger.LogInformation("{Actor} added calendar day {Date} {Kind}", actor.UserId, day, request.Kind);
        });

    /// <summary>Changes the kind or name of the day at <see cref="CalendarDayRequest.Date"/>; the date itself is the key.</summary>
    public Task<Result> UpdateAsync(CalendarDayRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var day = request.Day;
            var stored = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == day, cancellationToken) ?? throw new NotFoundException();
            stored.Change(request.Kind, request.Name);
            await SaveAsync(db, actor, cancellationToken);
            logger.LogInformation("{Actor} changed calendar day {Date} to {Kind}", actor.UserId, day, request.Kind);
        });

    public Task<Result> DeleteAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, cancellationToken) ?? throw new NotFoundException();
            db.CalendarDays.Remove(stored);
            await SaveAsync(db, actor, cancellationToken);
            logger.LogInformation("{Actor} deleted calendar day {Date}", actor.UserId, date);
        });

    /// <summary>The due dates adding or changing the day of <paramref name="request"/> would move; saves nothing.</summary>
    public Task<Result<IReadOnlyList<DueDateMove>>> PreviewDayAsync(CalendarDayRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<DueDateMove>>(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            var day = new CalendarDay(request.Day, request.Kind, request.Name);
            return await PreviewAsync((stored, years) => ([.. stored.Where(d => d.Date != day.Date), day], years), cancellationToken);
        });

    /// <summary>The due dates deleting the day at <paramref name="date"/> would move; saves nothing.</summary>
    public Task<Result<IReadOnlyList<DueDateMove>>> PreviewDeleteAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<DueDateMove>>(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            return await PreviewAsync((stored, years) => ([.. stored.Where(d => d.Date != date)], years), cancellationToken);
        });

    private async Task<IReadOnlyList<DueDateMove>> PreviewAsync(Func<List<CalendarDay>, HashSet<int>, (List<CalendarDay>, HashSet<int>)> change,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendar = await WouldBeAsync(db, change, cancellationToken);
        var rules = (await settings.GetAsync(cancellationToken)).DueRules;
        return await recomputation.PreviewAsync(db, calendar, rules, cancellationToken);
    }

    /// <summary>Reads a calendar file (the format of shared/data/cn-calendar-2026.csv) and says what importing it would do; saves nothing.</summary>
    public Task<Result<CalendarImportPreview>> PreviewImportAsync(string csv, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            var (year, days) = await ReadFileAsync(csv, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var replaced = await InYear(db, year).CountAsync(cancellationToken);
            var moves = await PreviewAsync((stored, years) => ([.. stored.Where(d => d.Date.Year != year), .. days], [.. years, year]), cancellationToken);
            return new CalendarImportPreview(year, days.Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)).ToList(), replaced, moves);
        });

    /// <summary>
    /// Replaces the file's year with the file's days, all or nothing: one bad line and nothing is saved,
    /// and the message names the line. The year becomes official (no longer provisional), and the due dates the new calendar
    /// moves are moved in the same transaction. Returns the number of days imported.
    /// </summary>
    public Task<Result<int>> ImportAsync(string csv, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            var (year, days) = await ReadFileAsync(csv, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await InYear(db, year).ExecuteDeleteAsync(cancellationToken);
            db.CalendarDays.AddRange(days);
            if (await db.CalendarYears.FindAsync([year], cancellationToken) is { } official) official.Imported(actor.UserId, clock.UtcNow);
            else db.CalendarYears.Add(new CalendarYear(year, actor.UserId, clock.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
            var notified = await RecomputeAsync(db, actor, string.Format(DueDateRecomputation.CalendarImportReason, year), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            workingDays.Invalidate();
            signal.Raise(notified);
            logger.LogInformation("{Actor} imported {Count} calendar days for {Year}", actor.UserId, days.Count, year);
            return days.Count;
        });

    private async Task<Actor> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(AccessPolicy.IsAdmin(actor));
        return actor;
    }

    /// <summary>Saves a hand edit of the calendar and, in the same transaction, the due dates it moves.</summary>
    private async Task SaveAsync(AppDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var notified = await RecomputeAsync(db, actor, DueDateRecomputation.CalendarEditReason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        workingDays.Invalidate();
        signal.Raise(notified);
    }

    /// <summary>Counts every open occurrence again on the calendar <paramref name="db"/> now holds (saved, not yet committed).</summary>
    private async Task<IReadOnlyList<string>> RecomputeAsync(AppDbContext db, Actor actor, string reason, CancellationToken cancellationToken)
    {
        var calendar = await WorkingDayService.ReadAsync(db, cancellationToken);
        var rules = (await settings.GetAsync(cancellationToken)).DueRules;
        var (moves, notified) = await recomputation.ApplyAsync(db, calendar, rules, actor, reason, only: null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} moved {Count} due dates: {Reason}", actor.UserId, moves.Count, reason);
        return notified;
    }

    /// <summary>The calendar as it would be with <paramref name="change"/> applied to the stored days and years, for a preview.</summary>
    private static async Task<WorkingCalendar> WouldBeAsync(AppDbContext db, Func<List<CalendarDay>, HashSet<int>, (List<CalendarDay>, HashSet<int>)> change,
        CancellationToken cancellationToken)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var years = (await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken)).ToHashSet();
        var (newDays, newYears) = change(days, years);
        return new WorkingCalendar(newDays, newYears);
    }

    private static IQueryable<CalendarDay> InYear(AppDbContext db, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return db.CalendarDays.Where(d => d.Date >= first && d.Date <= last);
    }

    /// <summary>
    /// Parses the file (a malformed line stops there, naming it), then checks every day as the single-day
    /// form would, that all days share one year and that no date repeats; reports each bad line by number.
    /// </summary>
    private async Task<(int Year, IReadOnlyList<CalendarDay> Days)> ReadFileAsync(string csv, CancellationToken cancellationToken)
    {
        var rows = CalendarCsv.ParseRows(new StringReader(csv));
        if (rows.Count == 0) throw Invalid.Field("", text["Calendar.ImportEmpty"]);
        var year = rows[0].Day.Date.Year;
        var failures = new List<ValidationFailure>();
        var firstLineOf = new Dictionary<DateOnly, int>();
        foreach (var (line, day) in rows)
        {
            var date = day.Date.ToString("yyyy-MM-dd");
            if (day.Date.Year != year)
            {
                failures.Add(new ValidationFailure("", text["Calendar.ImportWrongYear", line, date, year]));
            }
            else if (!firstLineOf.TryAdd(day.Date, line))
            {
                failures.Add(new ValidationFailure("", text["Calendar.ImportDuplicate", line, date, firstLineOf[day.Date]]));
            }
            var request = new CalendarDayRequest { Date = day.Date.ToDateTime(TimeOnly.MinValue), Kind = day.Kind, Name = day.Name };
            var checkedDay = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(checkedDay.Errors.Select(e => new ValidationFailure("", text["Calendar.ImportLine", line, e.ErrorMessage])));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return (year, rows.Select(r => r.Day).ToList());
    }
}
