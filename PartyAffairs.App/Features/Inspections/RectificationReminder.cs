using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>
/// Tells the owner of each open rectification past its due date, once per rectification however often it runs: the
/// notification's link names the rectification, and a link already sent to its owner is not sent again.
/// </summary>
public sealed class RectificationReminder(
    IDbContextFactory<AppDbContext> dbFactory,
    NotificationSignal signal,
    IStringLocalizer<AssessmentStrings> text,
    BureauClock clock)
{
    private const int TitleExcerpt = 60;

    // Notifications are stored data read later by anyone, so they are written in the bureau's language.
    private static readonly CultureInfo Stored = new("zh-CN");

    public static string LinkOf(int rectificationId) => $"{AppRoutes.Inspections}?rectification={rectificationId}";

    /// <summary>Writes the reminders not yet written; returns how many.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Stored;
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overdue = await db.Rectifications.AsNoTracking()
            .Where(RectificationRules.OverdueOn(today))
            .Select(r => new { r.Id, r.What, r.OwnerId, r.DueDate })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0) return 0;

        var links = overdue.Select(r => LinkOf(r.Id)).ToList();
        var sent = (await db.Notifications.AsNoTracking()
                .Where(n => n.Link != null && links.Contains(n.Link))
                .Select(n => new { n.UserId, n.Link })
                .ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Link!))
            .ToHashSet();
        var fresh = overdue
            .Where(r => !sent.Contains((r.OwnerId, LinkOf(r.Id))))
            .Select(r => new Notification(r.OwnerId, text["Notify.RectificationOverdue.Title", Excerpt(r.What)],
                text["Notify.RectificationOverdue.Body", r.DueDate.Day()], LinkOf(r.Id), clock.UtcNow))
            .ToList();
        if (fresh.Count == 0) return 0;
        db.Notifications.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise(fresh.Select(n => n.UserId));
        return fresh.Count;
    }

    private static string Excerpt(string what) => what.Length <= TitleExcerpt ? what : what[..TitleExcerpt] + "…";
}
