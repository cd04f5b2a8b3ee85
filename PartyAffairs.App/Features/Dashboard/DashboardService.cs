using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Inspections;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>
/// The live approval dashboard's data, for the Office and Leaders only: what waits for approval, what falls
/// due or is overdue, what is on display and closing soon, feedback past its step deadline, applications for disclosure past
/// their due date, and the latest
/// transitions anywhere in the bureau. The view is the same for everyone allowed to see it, so it is read once per change
/// for all open dashboards (<see cref="DashboardFeed"/>); who may see it is checked on every call.
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes, SettingsService settings,
    DashboardFeed feed, SensitiveDraftScan sensitiveDrafts, WorkingDayService workingDays)
{
    public const int FeedSize = 30;
    public const int DueWithinDays = 7;
    public static readonly TimeSpan ClosingWithin = TimeSpan.FromDays(3);
    private const int CardSize = 10;

    public Task<Result<DashboardView>> GetAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.SeesWholeBureau);
            return await feed.GetAsync(cancellationToken);
        });

    /// <summary>Reads the view from the database, for <see cref="DashboardFeed"/> only: it does not ask who is reading.</summary>
    internal async Task<DashboardView> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var closingBy = now + ClosingWithin;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // What only the Office can clear first (out of catalogue, catch-all line, narrowed audience, dropped channel: one rule, ReviewRoute).
        var submitted = db.Disclosures.AsNoTracking().Where(d => d.State == DisclosureState.Submitted);
        var gated = submitted.Where(ReviewRoute.Gated).Select(d => d.Id);
        var submittedDisclosures = await CapAsync(submitted, submitted
            .OrderByDescending(d => gated.Contains(d.Id)).ThenBy(d => d.SubmittedAtUtc)
            .Select(d => new PendingDisclosureRow(d.Id, d.Title, d.Organization!.Name, gated.Contains(d.Id), d.SubmittedAtUtc)), cancellationToken);

        var sensitive = await sensitiveDrafts.FindAsync(db, (await settings.GetAsync(cancellationToken)).SensitiveWords, CardSize, cancellationToken);

        var catalogues = await db.Catalogues.AsNoTracking()
            .Where(c => c.State == CatalogueState.Submitted)
            .OrderBy(c => c.Year)
            .Select(c => new PendingCatalogueRow(false, c.Id, c.Year, c.Title))
            .ToListAsync(cancellationToken);
        var amendments = await db.CatalogueAmendments.AsNoTracking()
            .Where(a => a.State == AmendmentState.Submitted)
            .Join(db.Catalogues, a => a.CatalogueId, c => c.Id, (a, c) => new { a.Id, c.Year, a.Reason })
            .OrderBy(a => a.Id)
            .Select(a => new PendingCatalogueRow(true, a.Id, a.Year, a.Reason))
            .ToListAsync(cancellationToken);

        // Only an approved plan sets due dates: a catalogue under review is not yet anyone's obligation.
        var plans = db.Catalogues.Where(c => c.State == CatalogueState.Approved || c.State == CatalogueState.InForce).Select(c => c.Id);
        var open = db.CatalogueOccurrences.AsNoTracking()
            .Where(o => o.State == OccurrenceState.Open && plans.Contains(o.CatalogueItem!.CatalogueId));
        // The home pages' rule (OccurrenceRules): a count here and there means the same thing.
        var dueSoon = open.Where(OccurrenceRules.DueWithin(today, DueWithinDays));
        var overdue = open.Where(OccurrenceRules.OverdueOn(today));
        var calendar = await workingDays.GetCalendarAsync(cancellationToken);
        var dueSoonRows = FlagProvisional(await CapAsync(dueSoon, dueSoon.OrderBy(o => o.DueDate).ThenBy(o => o.Id).Select(ToDueRow), cancellationToken), calendar);
        var overdueRows = await CapAsync(overdue, overdue.OrderBy(o => o.DueDate).ThenBy(o => o.Id).Select(ToDueRow), cancellationToken);

        // Standing lines of this year's plan past their due date with nothing of theirs on the board right now.
        var shown = db.Disclosures.Where(DisclosureRules.OnDisplayAt(now)).Select(d => d.CatalogueOccurrenceId);
        var standingGaps = db.CatalogueOccurrences.AsNoTracking()
            .Where(o => o.CatalogueItem!.Standing && !o.CatalogueItem.IsRetired && o.State != OccurrenceState.Cancelled
                && plans.Contains(o.CatalogueItem.CatalogueId) && o.DueDate < today && o.PeriodEnd >= today && !shown.Contains((int?)o.Id));
        var standingRows = await CapAsync(standingGaps, standingGaps.OrderBy(o => o.DueDate).ThenBy(o => o.Id).Select(ToDueRow), cancellationToken);

        var onDisplay = db.Disclosures.AsNoTracking().Where(DisclosureRules.OnDisplayAt(now));
        var onDisplayCount = await onDisplay.CountAsync(cancellationToken);
        var closing = onDisplay.Where(d => d.DisplayUntilUtc <= closingBy);
        var closingRows = await CapAsync(closing, closing.OrderBy(d => d.DisplayUntilUtc)
            .Select(d => new ClosingDisclosureRow(d.Id, d.Title, d.Organization!.Name, d.DisplayUntilUtc)), cancellationToken);

        var late = db.Feedback.AsNoTracking().Where(FeedbackRules.LateAt(now));
        var lateRows = await CapAsync(late, late.OrderBy(f => f.StepDueAtUtc)
            .Select(f => new LateFeedbackRow(f.Id, f.DisclosureId ?? 0, f.Disclosure != null ? f.Disclosure.Title : FeedbackHandling.FeedbackText.MailboxTitle,
                db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "", f.State, f.StepDueAtUtc!.Value)),
            cancellationToken);

        // 依申请公开 open past its due date: the list's and the reminders' rule (ApplicationCounting.LateOn).
        var lateApplications = db.Applications.AsNoTracking().Where(ApplicationCounting.LateOn(today));
        var lateApplicationRows = await CapAsync(lateApplications, lateApplications.OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new LateApplicationRow(a.Id, a.Subject, a.Organization!.Name, a.State, a.DueOn)), cancellationToken);

        var overdueRectifications = await InspectionService.OverdueQueryAsync(db, today, cancellationToken);
        var latest = await FeedAsync(db, cancellationToken);
        return new DashboardView(submittedDisclosures, sensitive, new([.. catalogues, .. amendments]), dueSoonRows, overdueRows, standingRows, onDisplayCount,
            closingRows, lateRows, lateApplicationRows, overdueRectifications, latest, now);
    }

    private static readonly System.Linq.Expressions.Expression<Func<CatalogueOccurrence, DueOccurrenceRow>> ToDueRow =
        o => new DueOccurrenceRow(o.Id, o.CatalogueItem!.Title, o.CatalogueItem.Organization!.Name, o.Label, o.DueDate, false);

    /// <summary>Marks the rows due in a year whose holiday notice is not imported: their dates may still move.</summary>
    private static CappedList<DueOccurrenceRow> FlagProvisional(CappedList<DueOccurrenceRow> rows, WorkingCalendar calendar) =>
        rows with { Items = new(rows.Items.Select(r => r with { Provisional = calendar.IsProvisional(r.DueDate) }).ToList()) };

    private static async Task<CappedList<TRow>> CapAsync<TEntity, TRow>(IQueryable<TEntity> all, IQueryable<TRow> rows, CancellationToken cancellationToken) =>
        new(await all.CountAsync(cancellationToken), new(await rows.Take(CardSize).ToListAsync(cancellationToken)));

    /// <summary>The latest transitions, newest first, each named by its record's title where it has one.</summary>
    private static async Task<EquatableList<AuditRow>> FeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // The audit log's order, so the feed and the log agree.
        var entries = await Features.Audit.AuditLogService.NewestFirst(db.AuditEntries.AsNoTracking())
            .Take(FeedSize)
            .ToListAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        List<int> Ids(string type) => entries.Where(e => e.EntityType == type).Select(e => e.EntityId).Distinct().ToList();
        var disclosureIds = Ids(nameof(Disclosure));
        var feedbackIds = Ids(nameof(Domain.Feedback));
        var catalogueIds = Ids(nameof(Domain.Catalogue));
        var amendmentIds = Ids(nameof(CatalogueAmendment));
        var rectificationIds = Ids(nameof(Rectification));
        var archiveIds = Ids(nameof(ArchiveRecord));
        var itemIds = Ids(nameof(CatalogueItem));
        var applicationIds = Ids(nameof(DisclosureApplication));
        var subjects = new Dictionary<(string, int), string>();
        foreach (var d in await db.Disclosures.Where(d => disclosureIds.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToListAsync(cancellationToken))
            subjects[(nameof(Disclosure), d.Id)] = d.Title;
        foreach (var f in await db.Feedback.Where(f => feedbackIds.Contains(f.Id)).Select(f => new { f.Id, Title = f.Disclosure != null ? f.Disclosure.Title : FeedbackHandling.FeedbackText.MailboxTitle }).ToListAsync(cancellationToken))
            subjects[(nameof(Domain.Feedback), f.Id)] = f.Title;
        foreach (var c in await db.Catalogues.Where(c => catalogueIds.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken))
            subjects[(nameof(Domain.Catalogue), c.Id)] = c.Title;
        foreach (var a in await db.CatalogueAmendments.Where(a => amendmentIds.Contains(a.Id)).Select(a => new { a.Id, a.Reason }).ToListAsync(cancellationToken))
            subjects[(nameof(CatalogueAmendment), a.Id)] = a.Reason;
        foreach (var r in await db.Rectifications.Where(r => rectificationIds.Contains(r.Id)).Select(r => new { r.Id, r.What }).ToListAsync(cancellationToken))
            subjects[(nameof(Rectification), r.Id)] = r.What;
        foreach (var r in await db.ArchiveRecords.Where(r => archiveIds.Contains(r.Id)).Select(r => new { r.Id, r.ArchiveNumber, r.Title }).ToListAsync(cancellationToken))
            subjects[(nameof(ArchiveRecord), r.Id)] = $"{r.ArchiveNumber} {r.Title}";
        foreach (var i in await db.CatalogueItems.Where(i => itemIds.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken))
            subjects[(nameof(CatalogueItem), i.Id)] = i.Title;
        // An application is named by what was asked, shortened as its notifications shorten it; never by who asked.
        foreach (var a in await db.Applications.Where(a => applicationIds.Contains(a.Id)).Select(a => new { a.Id, a.Subject }).ToListAsync(cancellationToken))
            subjects[(nameof(DisclosureApplication), a.Id)] = Notifications.ApplicationReminder.Shorten(a.Subject);

        var redacted = await AuditRedaction.RedactedAsync(db, entries.Select(e => e.Id).ToList(), cancellationToken);
        return new(entries.Select(e => new AuditRow(e.Id, e.AtUtc, FeedbackAnonymity.Shown(e.ActorName, redacted.Contains(e.Id)), e.EntityType, e.EntityId,
                e.OrganizationId is { } organizationId ? organizations.GetValueOrDefault(organizationId) : null,
                e.Action, e.FromState, e.ToState, e.Reason, subjects.GetValueOrDefault((e.EntityType, e.EntityId))))
            .ToList());
    }
}
