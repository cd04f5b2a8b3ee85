using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>
/// Verifies the whole archive each night at 02:00 bureau time, when nobody is archiving; the dashboard shows the last result.
/// With several nodes the holder of the <see cref="JobLease"/> does it.
/// </summary>
public sealed class ArchiveVerificationWorker(
    IServiceScopeFactory scopes,
    JobLease lease,
    BureauClock clock,
    TimeProvider time,
    ILogger<ArchiveVerificationWorker> logger) : BackgroundService
{
    private static readonly TimeOnly At = new(2, 0);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lease.RunWhileHeldAsync(RunNightlyAsync, stoppingToken);

    private async Task RunNightlyAsync(CancellationToken stoppingToken)
    {
        // Ends only by cancellation (the delay throws): a lost lease must not look like a job that finished.
        while (true)
        {
            await Task.Delay(UntilNextRun(), time, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<ArchiveVerificationRecorder>()
                    .RunAsync(ArchiveVerificationRecorder.Nightly, null, null, stoppingToken);
                if (!report.Passed) logger.LogWarning("Nightly archive verification found {Count} problems", report.Problems.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed night must not stop the following ones.
                logger.LogError(ex, "Nightly archive verification failed");
            }
        }
    }

    private TimeSpan UntilNextRun()
    {
        var today = clock.Today;
        var next = clock.ToUtc(today.ToDateTime(At));
        if (next <= clock.UtcNow) next = clock.ToUtc(today.AddDays(1).ToDateTime(At));
        return next - clock.UtcNow;
    }
}
