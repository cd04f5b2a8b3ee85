using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>
/// Verifies the whole archive on <see cref="ArchiveVerificationSchedule"/>; the dashboard shows the last result. With several
/// nodes the holder of the <see cref="JobLease"/> does it.
/// </summary>
public sealed class ArchiveVerificationWorker(
    IServiceScopeFactory scopes,
    IDbContextFactory<AppDbContext> dbFactory,
    JobLease lease,
    BureauClock clock,
    TimeProvider time,
    ILogger<ArchiveVerificationWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lease.RunWhileHeldAsync(RunNightlyAsync, stoppingToken);

    private async Task RunNightlyAsync(CancellationToken stoppingToken)
    {
        // This node may have just taken the jobs over from one that died at 02:00: tonight's run is made up if it is missing.
        if (await MissedTonightAsync(stoppingToken)) await VerifyAsync(stoppingToken);
        // Ends only by cancellation (the delay throws): a lost lease must not look like a job that finished.
        while (true)
        {
            var now = clock.UtcNow;
            await Task.Delay(clock.ToUtc(ArchiveVerificationSchedule.NextRun(clock.ToLocal(now))) - now, time, stoppingToken);
            await VerifyAsync(stoppingToken);
        }
    }

    private async Task<bool> MissedTonightAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            var last = await db.ArchiveVerificationRuns.Where(r => r.Trigger == ArchiveVerificationRecorder.Nightly)
                .OrderByDescending(r => r.StartedAtUtc).Select(r => (DateTime?)r.StartedAtUtc).FirstOrDefaultAsync(stoppingToken);
            return ArchiveVerificationSchedule.MissedRun(clock.ToLocal(clock.UtcNow), last is { } at ? clock.ToLocal(at) : null) is not null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not read whether tonight's archive verification ran");
            return false;
        }
    }

    private async Task VerifyAsync(CancellationToken stoppingToken)
    {
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
