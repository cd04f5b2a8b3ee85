namespace PartyAffairs.App.Features.Publishing;

/// <summary>Runs the display schedule once at start and then every minute.</summary>
public sealed class DisplayScheduleWorker(DisplaySchedule schedule, TimeProvider time, ILogger<DisplayScheduleWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await schedule.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bad minute must not stop the schedule for the rest of the day.
                logger.LogError(ex, "Display schedule run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
