using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>
/// When the calendar (an imported notice, a day edited) or a due-day setting changes, every occurrence not yet fulfilled
/// takes the due date the new calendar and settings give it, counted by the rule that planned it
/// (<see cref="CatalogueItem.DueDateOf"/>). <see cref="PreviewAsync"/> says what would move and saves nothing;
/// <see cref="ApplyAsync"/> moves them inside the caller's change, each move audited on its catalogue, and tells the
/// Secretaries and Drafters of each organization concerned once. Fulfilled (and cancelled) occurrences keep their dates.
/// </summary>
public sealed class DueDateRecomputation(BureauClock clock, IStringLocalizer<NotificationStrings> text,
    IDbContextFactory<AppDbContext> dbFactory, ILogger<DueDateRecomputation> logger)
{
    // Notifications are stored data read later by anyone, so they are written in the bureau's language.
    private static readonly CultureInfo Stored = new("zh-CN");

    public const string CalendarImportReason = "导入{0}年放假调休安排";
    public const string CalendarEditReason = "修改工作日历";
    public const string SettingsReason = "修改公开期限设置";
    public const string ProvisionalReason = "规则重算：未导入放假调休安排的年份按法定节假日计算期限";

    /// <summary>
    /// At every start: open occurrences due in a year without its notice were counted on plain Monday–Friday before the
    /// statutory holidays were computed; they take the date the provisional calendar gives, audited as the system's and
    /// notified. Dates in official years are left as they are; once done it finds nothing.
    /// </summary>
    public async Task<int> CatchUpProvisionalYearsAsync(WorkingCalendar calendar, DueRules rules, NotificationSignal signal,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (moves, notified) = await ApplyAsync(db, calendar, rules, Actor.System, ProvisionalReason,
            m => calendar.IsProvisional(m.OldDueDate), cancellationToken);
        if (moves.Count == 0) return 0;
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise(notified);
        logger.LogWarning("Moved {Count} open due dates onto the statutory holidays of years without a notice", moves.Count);
        return moves.Count;
    }

    public async Task<IReadOnlyList<DueDateMove>> PreviewAsync(AppDbContext db, WorkingCalendar calendar, DueRules rules,
        CancellationToken cancellationToken)
    {
        var catalogues = await LoadAsync(db.Catalogues.AsNoTracking(), cancellationToken);
        return Plan(catalogues, calendar, rules).Select(m => m.Move).ToList();
    }

    /// <summary>
    /// Moves the open occurrences in <paramref name="db"/> (tracked, saved by the caller with its own change; <paramref name="only"/>
    /// those moves, if given) and queues one notification per owner; returns the moves and who to signal once the change is committed.
    /// </summary>
    public async Task<(IReadOnlyList<DueDateMove> Moves, IReadOnlyList<string> Notified)> ApplyAsync(AppDbContext db, WorkingCalendar calendar,
        DueRules rules, Actor actor, string reason, Func<DueDateMove, bool>? only, CancellationToken cancellationToken)
    {
        var catalogues = await LoadAsync(db.Catalogues, cancellationToken);
        var planned = Plan(catalogues, calendar, rules).Where(p => only?.Invoke(p.Move) ?? true).ToList();
        var now = clock.UtcNow;
        foreach (var (catalogue, item, occurrence, move) in planned)
            catalogue.RedateOccurrence(item, occurrence, move.NewDueDate, actor, now, reason);

        var notified = new List<string>();
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Stored;
        try
        {
            foreach (var organization in planned.Select(p => p.Move).GroupBy(m => m.OrganizationId))
            {
                var owners = await NotificationRecipients.InRoleAsync(db, Roles.Secretary, organization.Key, cancellationToken);
                owners.AddRange(await NotificationRecipients.InRoleAsync(db, Roles.Drafter, organization.Key, cancellationToken));
                var lines = string.Join("；", organization.Select(m =>
                    text["Notify.DueMoved.Line", m.ItemTitle, m.OccurrenceLabel, m.OldDueDate.ToString("yyyy-MM-dd"), m.NewDueDate.ToString("yyyy-MM-dd")]));
                var title = text["Notify.DueMoved.Title", organization.Count()];
                var body = text["Notify.DueMoved.Body", reason, lines];
                foreach (var owner in owners.Distinct())
                {
                    db.Notifications.Add(new Notification(owner, title, body, AppRoutes.Schedule, now));
                    notified.Add(owner);
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        }
        return (planned.Select(p => p.Move).ToList(), notified.Distinct().ToList());
    }

    private static Task<List<Catalogue>> LoadAsync(IQueryable<Catalogue> catalogues, CancellationToken cancellationToken) =>
        catalogues
            .Where(c => c.State == CatalogueState.InForce)
            .Include(c => c.Items).ThenInclude(i => i.Organization)
            .Include(c => c.Items).ThenInclude(i => i.Occurrences.Where(o => o.State == OccurrenceState.Open))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    private IEnumerable<(Catalogue Catalogue, CatalogueItem Item, CatalogueOccurrence Occurrence, DueDateMove Move)> Plan(
        IEnumerable<Catalogue> catalogues, WorkingCalendar calendar, DueRules rules)
    {
        foreach (var catalogue in catalogues)
        {
            // Approval put the catalogue in force at once (see StandingPlanRecomputation).
            var inForceDay = DateOnly.FromDateTime(clock.ToLocal(catalogue.ApprovedAtUtc ?? catalogue.CreatedAtUtc));
            foreach (var item in catalogue.Items.Where(i => !i.IsRetired).OrderBy(i => i.OrganizationId).ThenBy(i => i.Id))
            {
                foreach (var occurrence in item.Occurrences.Where(o => o.State == OccurrenceState.Open).OrderBy(o => o.DueDate))
                {
                    var due = item.DueDateOf(occurrence, calendar, rules, inForceDay);
                    if (due == occurrence.DueDate) continue;
                    yield return (catalogue, item, occurrence, new DueDateMove(occurrence.Id, item.Title, occurrence.Label, item.OrganizationId,
                        item.Organization?.Name ?? "", occurrence.DueDate, due));
                }
            }
        }
    }
}
