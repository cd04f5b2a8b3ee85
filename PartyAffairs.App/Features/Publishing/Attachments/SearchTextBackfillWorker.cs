using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// Runs <see cref="SearchTextBackfill"/> once, after the app has started answering: a city's first start after the search
/// columns came would otherwise wait minutes for it. A failure is logged; the next start carries on where this one stopped.
/// With several nodes the holder of the <see cref="JobLease"/> does it, so two nodes never fill the same rows side by side.
/// </summary>
public sealed class SearchTextBackfillWorker(SearchTextBackfill backfill, JobLease lease, ILogger<SearchTextBackfillWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lease.RunWhileHeldAsync(BackfillAsync, stoppingToken);

    private async Task BackfillAsync(CancellationToken stoppingToken)
    {
        // Off the start path even where ExecuteAsync would run synchronously up to its first real wait (SQLite's "async" is not).
        await Task.Yield();
        try
        {
            await backfill.RunAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Search backfill stopped; the next start goes on from where it stopped");
        }
    }
}
