using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// Tells whoever holds a late feedback step that it is late: the designated handlers while it waits to be assigned, the
/// assignee while it waits for an answer, both while it waits to be reported or closed, the leader while it waits for the
/// acknowledgement. Once per feedback and step, however often it runs.
/// </summary>
public sealed class FeedbackReminder(
    IDbContextFactory<AppDbContext> dbFactory,
    NotificationSignal signal,
    EnumLabels labels,
    IStringLocalizer<NotificationStrings> text,
    BureauClock clock)
{
    private static readonly CultureInfo Stored = new("zh-CN");

    /// <summary>Writes the reminders not yet written; returns how many.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Stored;
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var late = await db.Feedback.AsNoTracking()
            .Where(FeedbackRules.LateAt(now))
            .Select(f => new { f.Id, f.State, f.StepDueAtUtc, f.AssigneeId, f.ReportedToId, Title = f.Disclosure != null ? f.Disclosure.Title : FeedbackText.MailboxTitle })
            .ToListAsync(cancellationToken);
        if (late.Count == 0) return 0;

        var handlers = await NotificationRecipients.InRoleAsync(db, Roles.FeedbackHandler, null, cancellationToken);
        var candidates = new List<Notification>();
        foreach (var f in late)
        {
            IEnumerable<string?> recipients = f.State switch
            {
                FeedbackState.Received => handlers,
                FeedbackState.Assigned => [f.AssigneeId],
                FeedbackState.Reported => [f.ReportedToId],
                _ => handlers.Append(f.AssigneeId),
            };
            var step = labels.Of(f.State);
            var title = text["Notify.FeedbackLate.Title", f.Title, step];
            var body = text["Notify.FeedbackLate.Body", step, clock.Minute(f.StepDueAtUtc!.Value)];
            candidates.AddRange(recipients.OfType<string>().Where(id => id.Length > 0).Distinct()
                .Select(id => new Notification(id, title, body, AppRoutes.FeedbackItem(f.Id), now)));
        }

        return await Reminders.WriteMissingAsync(db, candidates, signal, cancellationToken);
    }
}
