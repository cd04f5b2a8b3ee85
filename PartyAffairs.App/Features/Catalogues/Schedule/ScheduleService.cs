using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// The year's disclosure schedule: every dated occurrence of the catalogue in force, coloured by how it stands today.
/// The Office and Leaders see the whole bureau, a Secretary or Drafter their own organization, nobody else any.
/// The Office or an organization's Secretary opens its phases and records its immediate events.
/// </summary>
public sealed class ScheduleService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes,
    WorkingDayService workingDays, SettingsService settings,
    IValidator<OpenPhaseRequest> openPhaseValidator, IValidator<RecordEventRequest> recordEventValidator,
    ScheduleExport export, IStringLocalizer<ScheduleStrings> text)
{
    /// <summary>The most rows one page of the list may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The most occurrences a calendar day shows; the rest are counted and found in the list.</summary>
    public const int PerDay = 4;

    /// <summary>The year's schedule as the person may see it, with the first page of its list.</summary>
    public Task<Result<ScheduleView>> GetAsync(int year, ScheduleFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            return await ReadAsync(actor, year, filter, cancellationToken);
        });

    /// <summary>One page of the year's occurrences, filtered, counted and ordered in SQL: a city's year holds tens of thousands.</summary>
    public Task<Result<ScheduleRowPage>> ListAsync(int year, ScheduleFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(MaySee(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogueId = await CatalogueIdAsync(db, year, cancellationToken);
            if (catalogueId is null) return new ScheduleRowPage([], 0);
            var calendar = await workingDays.GetCalendarAsync(cancellationToken);
            return await PageAsync(Occurrences(db, actor, catalogueId.Value, filter), filter, calendar, cancellationToken);
        });

    /// <summary>The occurrences due from <paramref name="from"/> to <paramref name="to"/> for the calendar, at most <see cref="PerDay"/> a day.</summary>
    public Task<Result<ScheduleCalendar>> CalendarAsync(int year, DateOnly from, DateOnly to, ScheduleFilter filter,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(MaySee(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogueId = await CatalogueIdAsync(db, year, cancellationToken);
            if (catalogueId is null) return ScheduleCalendar.Empty;
            var calendar = await workingDays.GetCalendarAsync(cancellationToken);
            var window = Occurrences(db, actor, catalogueId.Value, filter).Where(o => o.DueDate >= from && o.DueDate <= to);
            var counts = await window.GroupBy(o => o.DueDate).Select(g => new { Day = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Day, g => g.Count, cancellationToken);
            // One small query per day: the first few of each, never the whole month of a city (two thousand a month).
            var rows = new List<ScheduleRow>();
            foreach (var day in counts.Keys.Order())
            {
                var ofDay = Ordered(window.Where(o => o.DueDate == day), null, false).Take(PerDay);
                rows.AddRange(await RowsAsync(ofDay, filter, calendar, cancellationToken));
            }
            return new ScheduleCalendar(rows, counts);
        });

    /// <summary>The whole year's schedule this person may see, as an .xlsx file.</summary>
    public Task<Result<byte[]>> ExportAsync(int year, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(MaySee(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogueId = await CatalogueIdAsync(db, year, cancellationToken);
            if (catalogueId is null) return export.Write([]);
            var calendar = await workingDays.GetCalendarAsync(cancellationToken);
            var filter = new ScheduleFilter();
            return export.Write(await RowsAsync(Ordered(Occurrences(db, actor, catalogueId.Value, filter), null, false), filter, calendar, cancellationToken));
        });

    public Task<Result<DateOnly>> OpenPhaseAsync(OpenPhaseRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await Outcomes.ValidateAsync(openPhaseValidator, request, cancellationToken);
            return await ChangeItemAsync(actor, request.ItemId, request.Year, request.Version, WorkflowAction.OpenPhase, (item, calendar, rules) =>
                item.OpenPhase(request.PhaseIndex, request.OpenedOn, clock.Today, calendar, rules), cancellationToken);
        });

    public Task<Result<DateOnly>> RecordEventAsync(RecordEventRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await Outcomes.ValidateAsync(recordEventValidator, request, cancellationToken);
            return await ChangeItemAsync(actor, request.ItemId, request.Year, request.Version, WorkflowAction.RecordEvent, (item, calendar, rules) =>
                item.RecordEvent(request.Label, request.EventDate, clock.Today, calendar, rules), cancellationToken);
        });

    private static bool MaySee(Actor actor) =>
        actor.SeesWholeBureau || AccessPolicy.WorkOrganizations(actor).Count > 0;

    private async Task<ScheduleView> ReadAsync(Actor actor, int year, ScheduleFilter filter, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(MaySee(actor));
        var scope = actor.SeesWholeBureau ? OrganizationScope.All : OrganizationScope.Of(AccessPolicy.WorkOrganizations(actor));
        var today = clock.Today;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The neighbouring months too, so the calendar's first and last weeks are marked.
        var from = new DateOnly(year - 1, 12, 1);
        var to = new DateOnly(year + 1, 1, 31);
        var specialDays = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date <= to)
            .ToDictionaryAsync(d => d.Date, d => d.Kind, cancellationToken);
        var calendar = await workingDays.GetCalendarAsync(cancellationToken);
        // A year without its notice shows the statutory holidays the deadlines are counted on.
        foreach (var day in Enumerable.Range(year - 1, 3).SelectMany(calendar.ComputedHolidays).Where(d => d.Date >= from && d.Date <= to))
            specialDays.TryAdd(day.Date, day.Kind);

        var catalogueId = await CatalogueIdAsync(db, year, cancellationToken);
        if (catalogueId is null) return new ScheduleView(year, false, today, scope, [], specialDays, [], []);

        var page = await PageAsync(Occurrences(db, actor, catalogueId.Value, filter), filter, calendar, cancellationToken);
        var (phased, immediate) = await ActionableAsync(db, actor, catalogueId.Value, cancellationToken);
        return new ScheduleView(year, true, today, scope, page.Rows, specialDays, phased, immediate, page.Total);
    }

    private static Task<int?> CatalogueIdAsync(AppDbContext db, int year, CancellationToken cancellationToken) =>
        db.Catalogues.AsNoTracking()
            .Where(c => c.Year == year && (c.State == CatalogueState.Approved || c.State == CatalogueState.InForce))
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The occurrences the person may see, narrowed by the filter in SQL. A Secretary or Drafter sees the organizations they work
    /// for whatever the filter asks for (and may narrow to one of them).
    /// </summary>
    private IQueryable<CatalogueOccurrence> Occurrences(AppDbContext db, Actor actor, int catalogueId, ScheduleFilter filter)
    {
        var work = AccessPolicy.WorkOrganizations(actor);
        IReadOnlyList<int>? onlyOrganizations = actor.SeesWholeBureau
            ? filter.OrganizationId is { } chosen ? [chosen] : null
            : filter.OrganizationId is { } narrowed && work.Contains(narrowed) ? [narrowed] : work;
        var occurrences = db.CatalogueOccurrences.AsNoTracking().Where(o => o.CatalogueItem!.CatalogueId == catalogueId);
        if (onlyOrganizations is not null) occurrences = occurrences.Where(o => onlyOrganizations.Contains(o.CatalogueItem!.OrganizationId));
        if (filter.Cadence is { } cadence) occurrences = occurrences.Where(o => o.CatalogueItem!.Cadence == cadence);
        if (filter.Status is { } status)
        {
            var statusOf = ScheduleRules.StatusOf(clock.Today, filter.SoonDays, clock.Zone.GetUtcOffset(clock.UtcNow));
            occurrences = occurrences.Where(RuleExpression.Over<CatalogueOccurrence, bool>(
                (Expression<Func<OccurrenceStatus, bool>>)(s => s == status), statusOf));
        }
        return occurrences;
    }

    private IOrderedQueryable<CatalogueOccurrence> Ordered(IQueryable<CatalogueOccurrence> occurrences, string? sortBy, bool descending)
    {
        var ordered = sortBy switch
        {
            nameof(ScheduleRow.OrganizationName) => descending
                ? occurrences.OrderByDescending(o => o.CatalogueItem!.Organization!.Name) : occurrences.OrderBy(o => o.CatalogueItem!.Organization!.Name),
            nameof(ScheduleRow.ItemTitle) => descending
                ? occurrences.OrderByDescending(o => o.CatalogueItem!.Title) : occurrences.OrderBy(o => o.CatalogueItem!.Title),
            nameof(ScheduleRow.Cadence) => descending
                ? occurrences.OrderByDescending(o => o.CatalogueItem!.Cadence) : occurrences.OrderBy(o => o.CatalogueItem!.Cadence),
            nameof(ScheduleRow.PeriodStart) or nameof(ScheduleRow.Label) => descending
                ? occurrences.OrderByDescending(o => o.PeriodStart) : occurrences.OrderBy(o => o.PeriodStart),
            nameof(ScheduleRow.FulfilledOn) => descending ? occurrences.OrderByDescending(o => o.FulfilledAtUtc) : occurrences.OrderBy(o => o.FulfilledAtUtc),
            nameof(ScheduleRow.Status) => descending
                ? occurrences.OrderByDescending(ScheduleRules.StatusOf(clock.Today, 7, clock.Zone.GetUtcOffset(clock.UtcNow)))
                : occurrences.OrderBy(ScheduleRules.StatusOf(clock.Today, 7, clock.Zone.GetUtcOffset(clock.UtcNow))),
            nameof(ScheduleRow.DueDate) when descending => occurrences.OrderByDescending(o => o.DueDate),
            _ => occurrences.OrderBy(o => o.DueDate),
        };
        // The bureau's order breaks ties, then the item and its sequence, so that pages never overlap.
        return ordered.ThenBy(o => o.CatalogueItem!.Organization!.SortOrder).ThenBy(o => o.CatalogueItemId).ThenBy(o => o.Sequence).ThenBy(o => o.Id);
    }

    private async Task<ScheduleRowPage> PageAsync(IQueryable<CatalogueOccurrence> occurrences, ScheduleFilter filter, WorkingCalendar calendar,
        CancellationToken cancellationToken)
    {
        var total = await occurrences.CountAsync(cancellationToken);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Ordered(occurrences, filter.SortBy, filter.Descending).Skip(Math.Max(0, filter.Page) * size).Take(size);
        return new ScheduleRowPage(await RowsAsync(page, filter, calendar, cancellationToken), total);
    }

    private async Task<List<ScheduleRow>> RowsAsync(IQueryable<CatalogueOccurrence> occurrences, ScheduleFilter filter, WorkingCalendar calendar,
        CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var loaded = await occurrences
            .Select(o => new
            {
                Occurrence = o,
                o.CatalogueItem!.OrganizationId,
                OrganizationName = o.CatalogueItem.Organization!.Name,
                o.CatalogueItem.Title,
                o.CatalogueItem.Cadence,
            })
            .ToListAsync(cancellationToken);
        return loaded.Select(x =>
        {
            var o = x.Occurrence;
            // Days are the bureau's: a 23:30 publication in Beijing on the due date is on time, whatever the UTC date.
            DateOnly? fulfilledOn = o.FulfilledAtUtc is { } at ? DateOnly.FromDateTime(clock.ToLocal(at)) : null;
            return new ScheduleRow(o.Id, o.CatalogueItemId, x.OrganizationId, x.OrganizationName, x.Title, x.Cadence, o.Label,
                o.PeriodStart, o.PeriodEnd, o.DueDate, o.StatusOn(today, fulfilledOn, filter.SoonDays), fulfilledOn, o.DisclosureId,
                o.State == OccurrenceState.Open && calendar.IsProvisional(o.DueDate));
        }).ToList();
    }

    /// <summary>The phased items with phases still to open, and the immediate items, that this person may act on in a catalogue in force.</summary>
    private static async Task<(IReadOnlyList<ActionableItem> Phased, IReadOnlyList<ActionableItem> Immediate)> ActionableAsync(
        AppDbContext db, Actor actor, int catalogueId, CancellationToken cancellationToken)
    {
        var inForce = await db.Catalogues.AnyAsync(c => c.Id == catalogueId && c.State == CatalogueState.InForce, cancellationToken);
        if (!inForce || !actor.IsInAnyRole(Roles.Office, Roles.Secretary)) return ([], []);

        var query = db.CatalogueItems.AsNoTracking()
            .Where(i => i.CatalogueId == catalogueId && !i.IsRetired && (i.Cadence == Cadence.Phased || i.Cadence == Cadence.Immediate));
        if (!actor.IsInRole(Roles.Office))
        {
            var secretaryOf = actor.OrganizationsWhere(Roles.Secretary);
            query = query.Where(i => secretaryOf.Contains(i.OrganizationId));
        }
        var items = await query
            .OrderBy(i => i.Organization!.SortOrder).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.OrganizationId, OrganizationName = i.Organization!.Name, i.Title, i.Cadence, i.Version, i.Phases,
                Opened = i.Occurrences.Select(o => o.Sequence).ToList(),
            })
            .ToListAsync(cancellationToken);
        var actionable = items
            .Where(i => AccessPolicy.CanManageSchedule(actor, i.OrganizationId))
            .Select(i => new ActionableItem(i.Id, i.OrganizationId, i.OrganizationName, i.Title, i.Cadence, i.Version,
                i.Phases.Select((name, index) => new PhaseChoice(index, name))
                    // Phases open in order: only the one after the last opened is offered.
                    .Where(p => !i.Opened.Contains(p.Index + 1) && (p.Index == 0 || i.Opened.Contains(p.Index))).ToList()))
            .ToList();
        return (actionable.Where(i => i.Cadence == Cadence.Phased && i.UnopenedPhases.Count > 0).ToList(),
            actionable.Where(i => i.Cadence == Cadence.Immediate).ToList());
    }

    /// <summary>
    /// Loads the item, checks who acts and that its catalogue of that year is in force, lets the domain add the occurrence,
    /// and saves it with an audit line; returns the new due date. CatalogueItem keeps no audit of its own, so the line
    /// is written here; like every audit line, it reaches the live pages once committed.
    /// </summary>
    private async Task<DateOnly> ChangeItemAsync(Actor actor, int itemId, int year, int version, WorkflowAction action,
        Func<CatalogueItem, WorkingCalendar, DueRules, CatalogueOccurrence> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.CatalogueItems.Include(i => i.Occurrences).SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken)
            ?? throw new NotFoundException();
        AccessPolicy.Ensure(AccessPolicy.CanManageSchedule(actor, item.OrganizationId), "Access.NotYourOrganization");
        var catalogue = await db.Catalogues.AsNoTracking().Where(c => c.Id == item.CatalogueId)
            .Select(c => new { c.Year, c.State }).SingleAsync(cancellationToken);
        if (catalogue.State != CatalogueState.InForce) throw Invalid("Schedule.NotInForce");
        if (catalogue.Year != year) throw Invalid("Validation.DateInYear", catalogue.Year);
        if (item.Version != version) throw new ConcurrencyConflictException();

        var calendar = await workingDays.GetCalendarAsync(cancellationToken);
        var rules = (await settings.GetAsync(cancellationToken)).DueRules;
        var occurrence = change(item, calendar, rules);
        var audit = new AuditEntry(actor, clock.UtcNow, nameof(CatalogueItem), item.Id, item.OrganizationId, action, null, null, occurrence.Label);
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        return occurrence.DueDate;
    }

    private ValidationException Invalid(string key, params object[] arguments)
    {
        var message = text[key, arguments].Value;
        return new ValidationException(message, [new ValidationFailure("", message)]);
    }
}
