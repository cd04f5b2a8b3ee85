namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// A job the app runs by itself: once at start, then every <paramref name="interval"/> on the injected clock. A failed
/// run is logged and the next one still comes, so one bad minute never stops the schedule or the reminders for good.
/// With several nodes only the holder of the <see cref="JobLease"/> runs it: once when it takes the lease, then every interval.
/// </summary>
public abstract class PeriodicWorker(JobLease lease, TimeProvider time, ILogger logger, TimeSpan interval) : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) => lease.RunWhileHeldAsync(RunScheduleAsync, stoppingToken);

    private async Task RunScheduleAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Worker} failed; it runs again in {Interval}", GetType().Name, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
