using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>
/// The one dashboard view every open dashboard shows (a singleton). A committed change marks it stale and, while anyone
/// watches, reloads it at once — one read for all circuits, never one per circuit — and hands the new view to each
/// watcher. Changes that arrive during a reload cause exactly one more. A view older than <see cref="MaxAge"/> is read
/// again on the next request, since "due soon" and "closing soon" move with the clock. A reload that shows the same as
/// the last view handed out is not pushed: a change elsewhere in the bureau costs the open dashboards nothing. Each
/// dashboard takes its views one at a time and in order: one still rendering an older view gets only the newest next.
/// </summary>
public sealed class DashboardFeed : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>How many dashboards one thread-pool item delivers a new view to.</summary>
    private const int DeliverySlice = 32;

    private readonly IServiceScopeFactory scopes;
    private readonly BureauClock clock;
    private readonly ILogger<DashboardFeed> logger;
    private readonly IDisposable subscription;
    private readonly Lock gate = new();
    private Watcher[] watchers = [];
    private long changes;
    private (DashboardView View, long Changes)? latest;
    private (Task<DashboardView> Task, long Changes)? loading;
    private int pushing;
    private DashboardView? lastPushed;
    private long generation;

    public DashboardFeed(IServiceScopeFactory scopes, BureauClock clock, LiveEventStream events, ILogger<DashboardFeed> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;
        subscription = events.Subscribe(changed =>
        {
            Interlocked.Increment(ref changes);
            // Off the committing thread: SQLite's "async" reads run synchronously, and the writer must not wait for a reload.
            if (watchers.Length > 0) _ = Task.Run(PushAsync);
            return Task.CompletedTask;
        });
    }

    public int WatcherCount => watchers.Length;

    /// <summary>The current view: the one already read if nothing changed since, else a fresh read shared with concurrent callers.</summary>
    public Task<DashboardView> GetAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var now = Interlocked.Read(ref changes);
            if (latest is { } current && current.Changes == now && clock.UtcNow - current.View.LoadedAtUtc < MaxAge) return Task.FromResult(current.View);
            if (loading is { } pending && pending.Changes == now && !pending.Task.IsCompleted) return pending.Task.WaitAsync(cancellationToken);
            var task = LoadAsync(now);
            loading = (task, now);
            return task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Calls <paramref name="watcher"/> with each new view after a change, until disposed.</summary>
    public IDisposable Watch(Func<DashboardView, Task> callback)
    {
        var watcher = new Watcher(callback, logger);
        lock (gate)
        {
            watchers = [.. watchers, watcher];
            // The newcomer read its own view, perhaps newer than the last one pushed: the next push goes out whatever it holds.
            lastPushed = null;
        }
        return new Unwatch(this, watcher);
    }

    private async Task<DashboardView> LoadAsync(long changesAtStart)
    {
        await using var scope = scopes.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<DashboardService>().LoadAsync(CancellationToken.None);
        lock (gate)
        {
            if (latest is not { } current || current.Changes <= changesAtStart) latest = (view, changesAtStart);
        }
        return view;
    }

    private async Task PushAsync()
    {
        if (Interlocked.Exchange(ref pushing, 1) == 1) return;
        long pushed;
        try
        {
            do
            {
                pushed = Interlocked.Read(ref changes);
                var view = await GetAsync();
                Watcher[] to;
                long number;
                lock (gate)
                {
                    if (lastPushed is { } last && view with { LoadedAtUtc = last.LoadedAtUtc } == last) continue;
                    lastPushed = view;
                    number = ++generation;
                    to = watchers;
                }
                // A circuit renders inline when it is idle, so one loop would render every dashboard in a row on one core:
                // slices of them go to the thread pool instead, which spreads them over every core.
                for (var start = 0; start < to.Length; start += DeliverySlice)
                {
                    // The slices of two pushes in a row may run in either order: each watcher keeps the newer one.
                    var slice = new ArraySegment<Watcher>(to, start, Math.Min(DeliverySlice, to.Length - start));
                    _ = Task.Run(() =>
                    {
                        foreach (var watcher in slice) _ = watcher.OfferAsync(view, number);
                    });
                }
            }
            while (Interlocked.Read(ref changes) != pushed);
        }
        catch (Exception ex)
        {
            // The dashboards keep their last view; the next change tries again.
            logger.LogWarning(ex, "Could not refresh the dashboard view");
            return;
        }
        finally
        {
            Volatile.Write(ref pushing, 0);
        }
        // A change that slipped in between the last check and letting go of the flag.
        if (Interlocked.Read(ref changes) != pushed) _ = Task.Run(PushAsync);
    }

    public void Dispose() => subscription.Dispose();

    /// <summary>
    /// One dashboard's mailbox of one: the newest view not yet handed over. Views reach the callback one at a time, never
    /// an older one after a newer one, and a dashboard still busy with one view skips those that came after it but the last.
    /// </summary>
    internal sealed class Watcher(Func<DashboardView, Task> callback, ILogger logger)
    {
        private readonly Lock mailbox = new();
        private DashboardView? pending;
        private long newest;
        private bool delivering;

        public async Task OfferAsync(DashboardView view, long number)
        {
            lock (mailbox)
            {
                if (number <= newest) return;
                newest = number;
                pending = view;
                if (delivering) return;
                delivering = true;
            }
            while (true)
            {
                DashboardView next;
                lock (mailbox)
                {
                    if (pending is null)
                    {
                        delivering = false;
                        return;
                    }
                    next = pending;
                    pending = null;
                }
                try
                {
                    await callback(next);
                }
                catch (Exception ex)
                {
                    // One closing circuit must not keep the others from their update.
                    logger.LogDebug(ex, "A dashboard could not take the new view");
                }
            }
        }
    }

    private sealed class Unwatch(DashboardFeed feed, Watcher watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (feed.gate) feed.watchers = feed.watchers.Where(w => !ReferenceEquals(w, watcher)).ToArray();
        }
    }
}
