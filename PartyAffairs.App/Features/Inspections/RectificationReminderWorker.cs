namespace PartyAffairs.App.Features.Inspections;

/// <summary>Runs the rectification reminders once at start and then every hour.</summary>
public sealed class RectificationReminderWorker(RectificationReminder reminder, TimeProvider time, ILogger<RectificationReminderWorker> logger) : BackgroundService
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
                // A failed hour must not stop the reminders for good.
                logger.LogError(ex, "Rectification reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
