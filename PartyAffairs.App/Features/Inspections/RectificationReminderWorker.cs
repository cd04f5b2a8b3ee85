using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>Runs the rectification reminders once at start and then every hour.</summary>
public sealed class RectificationReminderWorker(RectificationReminder reminder, JobLease lease, TimeProvider time, ILogger<RectificationReminderWorker> logger)
    : PeriodicWorker(lease, time, logger, TimeSpan.FromHours(1))
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => reminder.RemindAsync(cancellationToken);
}
