namespace PartyAffairs.App.Features.Notifications;

/// <summary>Runs the occurrence reminders once at start and then every hour.</summary>
public sealed class OccurrenceReminderWorker(OccurrenceReminder reminder, TimeProvider time, ILogger<OccurrenceReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await reminder.RemindAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed hour must not stop the reminders for the rest of the year.
                logger.LogError(ex, "Occurrence reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
