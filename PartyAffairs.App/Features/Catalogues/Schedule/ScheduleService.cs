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
    public Task<Result<ScheduleView>> GetAsync(int year, ScheduleFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            return await ReadAsync(actor, year, filter, cancellationToken);
        });

    /// <summary>The whole year's schedule this person may see, as an .xlsx file.</summary>
    public Task<Result<byte[]>> ExportAsync(int year, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var view = await ReadAsync(actor, year, new ScheduleFilter(), cancellationToken);
            return export.Write(view.Rows);
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
        // A Secretary or Drafter sees the organizations they work for whatever the filter asks for (and may narrow to one of them).
        var work = AccessPolicy.WorkOrganizations(actor);
        IReadOnlyList<int>? onlyOrganizations = actor.SeesWholeBureau
            ? filter.OrganizationId is { } chosen ? [chosen] : null
            : filter.OrganizationId is { } narrowed && work.Contains(narrowed) ? [narrowed] : work;
        var today = clock.Today;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizations = await OrganizationOptions.ListAsync(db, actor.SeesWholeBureau ? null : work, cancellationToken);
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

        var catalogueId = await db.Catalogues.AsNoTracking()
            .Where(c => c.Year == year && (c.State == CatalogueState.Approved || c.State == CatalogueState.InForce))
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (catalogueId is null) return new ScheduleView(year, false, today, organizations, [], specialDays, [], []);

        var occurrences = db.CatalogueOccurrences.AsNoTracking().Where(o => o.CatalogueItem!.CatalogueId == catalogueId);
        if (onlyOrganizations is not null) occurrences = occurrences.Where(o => onlyOrganizations.Contains(o.CatalogueItem!.OrganizationId));
        if (filter.Cadence is { } cadence) occurrences = occurrences.Where(o => o.CatalogueItem!.Cadence == cadence);
        var loaded = await occurrences
            .OrderBy(o => o.DueDate).ThenBy(o => o.CatalogueItem!.Organization!.SortOrder).ThenBy(o => o.CatalogueItemId).ThenBy(o => o.Sequence)
            .Select(o => new
            {
                Occurrence = o,
                o.CatalogueItem!.OrganizationId,
                OrganizationName = o.CatalogueItem.Organization!.Name,
                o.CatalogueItem.Title,
                o.CatalogueItem.Cadence,
            })
            .ToListAsync(cancellationToken);
        var rows = loaded.Select(x =>
        {
            var o = x.Occurrence;
            // Days are the bureau's: a 23:30 publication in Beijing on the due date is on time, whatever the UTC date.
            DateOnly? fulfilledOn = o.FulfilledAtUtc is { } at ? DateOnly.FromDateTime(clock.ToLocal(at)) : null;
            return new ScheduleRow(o.Id, o.CatalogueItemId, x.OrganizationId, x.OrganizationName, x.Title, x.Cadence, o.Label,
                o.PeriodStart, o.PeriodEnd, o.DueDate, o.StatusOn(today, fulfilledOn, filter.SoonDays), fulfilledOn, o.DisclosureId,
                o.State == OccurrenceState.Open && calendar.IsProvisional(o.DueDate));
        });
        if (filter.Status is { } status) rows = rows.Where(r => r.Status == status);

        var (phased, immediate) = await ActionableAsync(db, actor, catalogueId.Value, cancellationToken);
        return new ScheduleView(year, true, today, organizations, rows.ToList(), specialDays, phased, immediate);
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
