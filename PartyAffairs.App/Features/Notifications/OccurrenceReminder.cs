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
/// Reminds each organization's Secretaries of open occurrences of catalogues in force that fall due within
/// three working days, and of those already overdue: once per occurrence and kind, however often it runs.
/// </summary>
public sealed class OccurrenceReminder(
    IDbContextFactory<AppDbContext> dbFactory,
    WorkingDayService workingDays,
    NotificationSignal signal,
    IStringLocalizer<NotificationStrings> text,
    BureauClock clock)
{
    public const int DueSoonWorkingDays = 3;

    private static readonly CultureInfo Stored = new("zh-CN");

    /// <summary>Writes the reminders not yet written; returns how many.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Stored;
        var today = clock.Today;
        var calendar = await workingDays.GetCalendarAsync(cancellationToken);
        // Three working days never span more than a few weeks, even across the Spring Festival.
        var horizon = today.AddDays(31);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await (
                from o in db.CatalogueOccurrences
                join i in db.CatalogueItems on o.CatalogueItemId equals i.Id
                join c in db.Catalogues on i.CatalogueId equals c.Id
                where o.State == OccurrenceState.Open && c.State == CatalogueState.InForce && o.DueDate <= horizon
                select new { o.Id, o.Label, o.DueDate, i.Title, i.OrganizationId })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var candidates = new List<Notification>();
        foreach (var organization in open.GroupBy(o => o.OrganizationId))
        {
            var secretaries = await NotificationRecipients.InRoleAsync(db, Roles.Secretary, organization.Key, cancellationToken);
            foreach (var occurrence in organization)
            {
                var overdue = today > occurrence.DueDate;
                if (!overdue && calendar.WorkingDaysBetween(today, occurrence.DueDate) > DueSoonWorkingDays) continue;
                var (title, body) = overdue
                    ? (text["Notify.Overdue.Title", occurrence.Title, occurrence.Label], text["Notify.Overdue.Body", occurrence.DueDate.Day()])
                    : (text["Notify.DueSoon.Title", occurrence.Title, occurrence.Label], text["Notify.DueSoon.Body", occurrence.DueDate.Day()]);
                var link = $"{AppRoutes.Disclosures}/new?occurrence={occurrence.Id}";
                candidates.AddRange(secretaries.Select(id => new Notification(id, title, body, link, clock.UtcNow)));
            }
        }
        return await Reminders.WriteMissingAsync(db, candidates, signal, cancellationToken);
    }
}
