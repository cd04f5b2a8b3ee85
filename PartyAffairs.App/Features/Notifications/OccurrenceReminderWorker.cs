using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>Runs the occurrence reminders once at start and then every hour.</summary>
public sealed class OccurrenceReminderWorker(OccurrenceReminder reminder, JobLease lease, TimeProvider time, ILogger<OccurrenceReminderWorker> logger)
    : PeriodicWorker(lease, time, logger, TimeSpan.FromHours(1))
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => reminder.RemindAsync(cancellationToken);
}
