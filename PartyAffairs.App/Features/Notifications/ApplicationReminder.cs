using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>
/// Reminds the Office, and the person an application is assigned to, of applications for disclosure that fall due within
/// three working days and of those past their due date (<see cref="ApplicationCounting"/>): once per application, person
/// and kind, however often it runs (a notification with the same link and title is not written again).
/// </summary>
public sealed class ApplicationReminder(
    IDbContextFactory<AppDbContext> dbFactory,
    WorkingDayService workingDays,
    NotificationSignal signal,
    IStringLocalizer<ApplicationReportStrings> text,
    BureauClock clock)
{
    public const int DueSoonWorkingDays = 3;

    // Notifications are stored data read later by anyone, so they are written in the bureau's language.
    private static readonly CultureInfo Stored = new("zh-CN");

    /// <summary>Writes the reminders not yet written; returns how many.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Stored;
        var today = clock.Today;
        var now = clock.UtcNow;
        var calendar = await workingDays.GetCalendarAsync(cancellationToken);
        // Three working days never span more than a few weeks, even across the Spring Festival.
        var horizon = today.AddDays(31);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The late ones and those due by the horizon: every open one due by then (a late one is due before today).
        var open = await db.Applications.AsNoTracking()
            .Where(a => a.State != ApplicationState.Answered && a.DueOn <= horizon)
            .Select(a => new { a.Id, a.Subject, a.State, a.DueOn, a.AssigneeId })
            .ToListAsync(cancellationToken);
        if (open.Count == 0) return 0;

        var office = await NotificationRecipients.InRoleAsync(db, Roles.Office, null, cancellationToken);
        var candidates = new List<Notification>();
        foreach (var a in open)
        {
            var overdue = ApplicationRules.IsLate(a.State, a.DueOn, today);
            if (!overdue && calendar.WorkingDaysBetween(today, a.DueOn) > DueSoonWorkingDays) continue;
            var subject = Shorten(a.Subject);
            var (title, body) = overdue
                ? (text["Notify.Late.Title", subject], text["Notify.Late.Body", a.DueOn.Day()])
                : (text["Notify.DueSoon.Title", subject], text["Notify.DueSoon.Body", a.DueOn.Day()]);
            var recipients = office.Append(a.AssigneeId).OfType<string>().Where(id => id.Length > 0).Distinct();
            candidates.AddRange(recipients.Select(id => new Notification(id, title, body, ApplicationLinks.Item(a.Id), now)));
        }
        return await Reminders.WriteMissingAsync(db, candidates, signal, cancellationToken);
    }

    /// <summary>What was asked, short enough for a notification's title (which holds 200 characters).</summary>
    public static string Shorten(string subject) => subject.Length > 40 ? subject[..40] + "…" : subject;
}
