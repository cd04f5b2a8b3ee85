using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>Verifies the whole archive each night at 02:00 bureau time, when nobody is archiving; the dashboard shows the last result.</summary>
public sealed class ArchiveVerificationWorker(
    IServiceScopeFactory scopes,
    BureauClock clock,
    TimeProvider time,
    ILogger<ArchiveVerificationWorker> logger) : BackgroundService
{
    private static readonly TimeOnly At = new(2, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
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
