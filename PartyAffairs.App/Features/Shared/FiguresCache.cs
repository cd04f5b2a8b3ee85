using Microsoft.Extensions.Caching.Memory;
using PartyAffairs.App.Data.Changes;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Figures that cost a grouped read over a city's year (the assessment: 0.3–0.7 s at two thousand organizations), kept per
/// key and shared by every reader who asks the same — the Office and the Leaders ask the same; a Secretary her own — so
/// turning a page or sorting does not count everything again (a singleton). As on the dashboard (<c>DashboardFeed</c>), a
/// committed change (<see cref="LiveEventStream"/>) makes every kept figure stale, one that came during a read included, and
/// none is used once older than <see cref="MaxAge"/> by the bureau's clock: a write that announces nothing is seen within it.
/// Concurrent readers of a stale key share one read. A read that failed is not kept.
/// </summary>
public sealed class FiguresCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>Keys kept at most: a bureau's periods times its Secretaries' scopes, the least recently used going first.</summary>
    private const int Capacity = 200;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly Lock gate = new();
    private readonly BureauClock clock;
    private readonly IDisposable subscription;
    private long changes;

    public FiguresCache(BureauClock clock, LiveEventStream events)
    {
        this.clock = clock;
        subscription = events.Subscribe(_ =>
        {
            Interlocked.Increment(ref changes);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The kept figures for <paramref name="key"/> (a value with equality, which must say everything the figures depend on), or
    /// a fresh <paramref name="read"/>. The read is shared, so it must not depend on one caller's cancellation.
    /// </summary>
    public Task<T> GetAsync<T>(object key, Func<Task<T>> read, CancellationToken cancellationToken = default)
    {
        Task<T> task;
        lock (gate)
        {
            var now = Interlocked.Read(ref changes);
            if (!entries.TryGetValue(key, out Entry<T>? kept) || !kept!.IsCurrent(now, clock.UtcNow))
            {
                kept = new Entry<T>(Task.Run(read), now, clock.UtcNow);
                entries.Set(key, kept, new MemoryCacheEntryOptions { Size = 1 });
            }
            task = kept.Task;
        }
        return task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        subscription.Dispose();
        entries.Dispose();
    }

    private sealed record Entry<T>(Task<T> Task, long Changes, DateTime ReadAtUtc)
    {
        public bool IsCurrent(long changes, DateTime utcNow) =>
            Changes == changes && utcNow - ReadAtUtc <= MaxAge && !Task.IsFaulted && !Task.IsCanceled;
    }
}
