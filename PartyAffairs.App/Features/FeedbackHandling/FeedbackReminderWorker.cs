using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>Runs the late-feedback reminders once at start and then every hour.</summary>
public sealed class FeedbackReminderWorker(FeedbackReminder reminder, JobLease lease, TimeProvider time, ILogger<FeedbackReminderWorker> logger)
    : PeriodicWorker(lease, time, logger, TimeSpan.FromHours(1))
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => reminder.RemindAsync(cancellationToken);
}
