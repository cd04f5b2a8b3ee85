using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>
/// Listens to every committed transition and writes a notification to the people it now waits for:
/// reviewers on submission, the author on approval or rejection, the assignee of feedback, the Office of a new application
/// for disclosure and its assignee. Runs beside
/// the committing call, never inside it: a failure here is logged and the change stands.
/// </summary>
public sealed class NotificationWriter(
    IDbContextFactory<AppDbContext> dbFactory,
    ReviewRoutes reviewRoutes,
    LiveEventStream stream,
    NotificationSignal signal,
    IStringLocalizer<NotificationStrings> text,
    IStringLocalizer<ApplicationReportStrings> applicationText,
    BureauClock clock,
    ILogger<NotificationWriter> logger) : IHostedService, IDisposable
{
    // Notifications are stored data read later by anyone, so they are written in the bureau's language.
    private static readonly CultureInfo Stored = new("zh-CN");

    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Only this node's commits: on several nodes every node hears every change, and each notification must be written once.
        subscription = stream.SubscribeToOwnCommits(events => Task.Run(() => HandleSafelyAsync(events), CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        subscription?.Dispose();
        subscription = null;
    }

    /// <summary>Writes the notifications these events call for and signals the recipients' bells.</summary>
    public async Task HandleAsync(IReadOnlyList<ChangeEvent> events, CancellationToken cancellationToken = default)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Stored;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var written = new List<Notification>();
        foreach (var change in events)
        {
            written.AddRange(await DecideAsync(db, change, cancellationToken));
        }
        if (written.Count == 0) return;
        db.Notifications.AddRange(written);
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise(written.Select(n => n.UserId));
    }

    private async Task HandleSafelyAsync(IReadOnlyList<ChangeEvent> events)
    {
        try
        {
            await HandleAsync(events);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not write notifications for {Count} change(s)", events.Count);
        }
    }

    private Task<IReadOnlyList<Notification>> DecideAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken) =>
        (change.EntityType, change.Action) switch
        {
            (nameof(Disclosure), WorkflowAction.Submit) => SubmittedAsync(db, change, cancellationToken),
            (nameof(Disclosure), WorkflowAction.Approve or WorkflowAction.Reject) => ReviewedAsync(db, change, cancellationToken),
            (nameof(Catalogue), WorkflowAction.Submit) => CatalogueSubmittedAsync(db, change, cancellationToken),
            (nameof(CatalogueAmendment), WorkflowAction.Submit) => AmendmentSubmittedAsync(db, change, cancellationToken),
            (nameof(Feedback), FeedbackAnonymity.SubmitAction) => FeedbackArrivedAsync(db, change, cancellationToken),
            (nameof(Feedback), WorkflowAction.Assign) => AssignedAsync(db, change, cancellationToken),
            (nameof(Feedback), WorkflowAction.Report) => ReportedAsync(db, change, cancellationToken),
            (nameof(Feedback), WorkflowAction.StartRedisclosure) => RedisclosureStartedAsync(db, change, cancellationToken),
            (nameof(DisclosureApplication), WorkflowAction.Receive) => ApplicationArrivedAsync(db, change, cancellationToken),
            (nameof(DisclosureApplication), WorkflowAction.Assign) => ApplicationAssignedAsync(db, change, cancellationToken),
            _ => Task.FromResult<IReadOnlyList<Notification>>([]),
        };

    private async Task<IReadOnlyList<Notification>> SubmittedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var disclosure = await db.Disclosures.AsNoTracking()
            .Include(d => d.CatalogueOccurrence).ThenInclude(o => o!.CatalogueItem)
            .FirstOrDefaultAsync(d => d.Id == change.EntityId, cancellationToken);
        if (disclosure is null) return [];
        // The people who may review it, as the one review rule routes it.
        var routing = (await reviewRoutes.CurrentAsync(cancellationToken)).For(disclosure);
        var office = await NotificationRecipients.InRoleAsync(db, Roles.Office, null, cancellationToken);
        var recipients = new List<string>(office);
        if (!routing.OfficeOnly)
            recipients.AddRange(await NotificationRecipients.InRoleAsync(db, Roles.Secretary, disclosure.OrganizationId, cancellationToken));
        if (routing.Gated)
        {
            // Nobody approves their own gated item: an Office member's goes to the other members and to the Leaders.
            if (office.Contains(disclosure.AuthorId))
                recipients.AddRange(await NotificationRecipients.InRoleAsync(db, Roles.Leader, null, cancellationToken));
            recipients.Remove(disclosure.AuthorId);
        }
        return recipients.Distinct()
            .Select(id => New(id, text["Notify.Submitted.Title", disclosure.Title], text["Notify.Submitted.Body", change.ActorName],
                $"{AppRoutes.Disclosures}/{disclosure.Id}", change.AtUtc))
            .ToList();
    }

    private async Task<IReadOnlyList<Notification>> CatalogueSubmittedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var catalogue = await db.Catalogues.AsNoTracking().Where(c => c.Id == change.EntityId)
            .Select(c => new { c.Year, c.SubmittedById }).FirstOrDefaultAsync(cancellationToken);
        if (catalogue is null) return [];
        return await ToApproversAsync(db, change, catalogue.SubmittedById, text["Notify.CatalogueSubmitted.Title", catalogue.Year],
            $"{AppRoutes.Catalogue}?year={catalogue.Year}", cancellationToken);
    }

    private async Task<IReadOnlyList<Notification>> AmendmentSubmittedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var amendment = await db.CatalogueAmendments.AsNoTracking().Where(a => a.Id == change.EntityId)
            .Join(db.Catalogues, a => a.CatalogueId, c => c.Id, (a, c) => new { a.Id, c.Year, a.Reason, a.CreatedById })
            .FirstOrDefaultAsync(cancellationToken);
        if (amendment is null) return [];
        // Whoever drew it up may not approve it, as the amendment itself rules.
        return await ToApproversAsync(db, change, amendment.CreatedById, text["Notify.AmendmentSubmitted.Title", amendment.Year, amendment.Id, amendment.Reason],
            $"{AppRoutes.Catalogue}?year={amendment.Year}", cancellationToken);
    }

    /// <summary>A catalogue or an amendment is approved by a Leader or another Office member: all of them but its own author.</summary>
    private async Task<IReadOnlyList<Notification>> ToApproversAsync(AppDbContext db, ChangeEvent change, string? submitterId, string title,
        string link, CancellationToken cancellationToken)
    {
        var recipients = await NotificationRecipients.InRoleAsync(db, Roles.Leader, null, cancellationToken);
        recipients.AddRange(await NotificationRecipients.InRoleAsync(db, Roles.Office, null, cancellationToken));
        return recipients.Distinct().Where(id => id != submitterId)
            .Select(id => New(id, title, text["Notify.CatalogueSubmitted.Body", change.ActorName], link, change.AtUtc))
            .ToList();
    }

    private async Task<IReadOnlyList<Notification>> ReviewedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var disclosure = await db.Disclosures.AsNoTracking()
            .Where(d => d.Id == change.EntityId)
            .Select(d => new { d.Id, d.Title, d.AuthorId, d.ReviewComment })
            .FirstOrDefaultAsync(cancellationToken);
        if (disclosure is null || disclosure.AuthorId.Length == 0) return [];
        var approved = change.Action == WorkflowAction.Approve;
        var title = approved ? text["Notify.Approved.Title", disclosure.Title] : text["Notify.Rejected.Title", disclosure.Title];
        var body = approved
            ? text["Notify.Approved.Body", change.ActorName]
            : text["Notify.Rejected.Body", change.ActorName, change.Reason ?? disclosure.ReviewComment ?? ""];
        return [New(disclosure.AuthorId, title, body, $"{AppRoutes.Disclosures}/{disclosure.Id}", change.AtUtc)];
    }

    /// <summary>
    /// New feedback waits for its first step: the feedback handlers and the Office hear of it when it arrives, not only when
    /// it is late. Whoever registered it herself (a letter, a call) is not told of her own registration. The notification
    /// names neither the sender nor, for anonymous feedback, anything that came from her.
    /// </summary>
    private async Task<IReadOnlyList<Notification>> FeedbackArrivedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.Id == change.EntityId)
            .Select(f => new { f.RegisteredById, f.Kind, Title = f.Disclosure != null ? f.Disclosure.Title : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (feedback is null) return [];
        var recipients = await NotificationRecipients.InRoleAsync(db, Roles.FeedbackHandler, null, cancellationToken);
        recipients.AddRange(await NotificationRecipients.InRoleAsync(db, Roles.Office, null, cancellationToken));
        var about = feedback.Title ?? text["Notify.FeedbackArrived.Mailbox"];
        return recipients.Distinct().Where(id => id != feedback.RegisteredById)
            .Select(id => New(id, text["Notify.FeedbackArrived.Title", about], text["Notify.FeedbackArrived.Body"],
                AppRoutes.FeedbackItem(change.EntityId), change.AtUtc))
            .ToList();
    }

    private async Task<IReadOnlyList<Notification>> AssignedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var assigneeId = await db.Feedback.AsNoTracking()
            .Where(f => f.Id == change.EntityId)
            .Select(f => f.AssigneeId)
            .FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(assigneeId)) return [];
        return [New(assigneeId, text["Notify.FeedbackAssigned.Title"], text["Notify.FeedbackAssigned.Body", change.ActorName],
            AppRoutes.FeedbackItem(change.EntityId), change.AtUtc)];
    }

    private async Task<IReadOnlyList<Notification>> ReportedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var leaderId = await db.Feedback.AsNoTracking()
            .Where(f => f.Id == change.EntityId)
            .Select(f => f.ReportedToId)
            .FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(leaderId)) return [];
        return [New(leaderId, text["Notify.FeedbackReported.Title"], text["Notify.FeedbackReported.Body", change.ActorName],
            AppRoutes.FeedbackItem(change.EntityId), change.AtUtc)];
    }

    /// <summary>A re-disclosure draft opened from feedback waits for the organization's own people to write it.</summary>
    private async Task<IReadOnlyList<Notification>> RedisclosureStartedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var draft = await db.Feedback.AsNoTracking()
            .Where(f => f.Id == change.EntityId && f.RedisclosureId != null)
            .Join(db.Disclosures, f => f.RedisclosureId, d => d.Id, (f, d) => new { d.Id, d.Title, d.OrganizationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (draft is null) return [];
        var recipients = await NotificationRecipients.InRoleAsync(db, Roles.Secretary, draft.OrganizationId, cancellationToken);
        recipients.AddRange(await NotificationRecipients.InRoleAsync(db, Roles.Drafter, draft.OrganizationId, cancellationToken));
        return recipients.Distinct()
            .Select(id => New(id, text["Notify.RedisclosureStarted.Title", draft.Title], text["Notify.RedisclosureStarted.Body", change.ActorName],
                $"{AppRoutes.Disclosures}/{draft.Id}", change.AtUtc))
            .ToList();
    }

    /// <summary>
    /// A new application for disclosure waits for the Office, which registers, assigns and answers them; whoever registered a
    /// paper one herself is not told of her own registration. The notification names what was asked, not who asked.
    /// </summary>
    private async Task<IReadOnlyList<Notification>> ApplicationArrivedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == change.EntityId)
            .Select(a => new { a.Subject, a.RegisteredById, a.DueOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null) return [];
        var office = await NotificationRecipients.InRoleAsync(db, Roles.Office, null, cancellationToken);
        return office.Distinct().Where(id => id != application.RegisteredById)
            .Select(id => New(id, applicationText["Notify.Arrived.Title", ApplicationReminder.Shorten(application.Subject)],
                applicationText["Notify.Arrived.Body", application.DueOn.Day()], ApplicationLinks.Item(change.EntityId), change.AtUtc))
            .ToList();
    }

    private async Task<IReadOnlyList<Notification>> ApplicationAssignedAsync(AppDbContext db, ChangeEvent change, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == change.EntityId)
            .Select(a => new { a.Subject, a.AssigneeId, a.DueOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null || string.IsNullOrEmpty(application.AssigneeId)) return [];
        return [New(application.AssigneeId, applicationText["Notify.Assigned.Title", ApplicationReminder.Shorten(application.Subject)],
            applicationText["Notify.Assigned.Body", change.ActorName, application.DueOn.Day()], ApplicationLinks.Item(change.EntityId), change.AtUtc)];
    }

    // The event's own time when it has one, so the bell orders notifications as the changes happened.
    private Notification New(string userId, string title, string body, string link, DateTime atUtc) =>
        new(userId, title, body, link, atUtc == default ? clock.UtcNow : atUtc);
}
