namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>Runs the late-feedback reminders once at start and then every hour.</summary>
public sealed class FeedbackReminderWorker(FeedbackReminder reminder, TimeProvider time, ILogger<FeedbackReminderWorker> logger) : BackgroundService
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
                // A failed hour must not stop the reminders.
                logger.LogError(ex, "Late-feedback reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
