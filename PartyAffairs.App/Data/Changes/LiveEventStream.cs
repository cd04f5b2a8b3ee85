namespace PartyAffairs.App.Data.Changes;

/// <summary>
/// The in-process stream of committed transitions (a singleton: it crosses circuits). A component
/// subscribes in OnInitialized, re-renders through InvokeAsync, and disposes the subscription.
/// Handlers run on the committing thread: keep them short and never let them throw into the writer.
/// On PostgreSQL with several nodes, what other nodes committed arrives here too (<see cref="PublishFromElsewhere"/>), with
/// a reload (<see cref="ChangeEvent.AnythingMayHaveChanged"/>) when some may have been missed.
/// </summary>
public sealed class LiveEventStream(ILogger<LiveEventStream> logger)
{
    private readonly Lock gate = new();
    private ImmutableSubscriberList subscribers = ImmutableSubscriberList.Empty;

    public int SubscriberCount => subscribers.Items.Length;

    /// <summary>Hears every committed change, whichever node made it, and reloads: for what shows or caches data.</summary>
    public IDisposable Subscribe(Func<IReadOnlyList<ChangeEvent>, Task> handler) => Add(new Subscription(this, handler, ownCommitsOnly: false));

    /// <summary>
    /// Hears only what this node committed: for work that must be done once per change in the whole cluster (writing
    /// notifications), which the committing node does.
    /// </summary>
    public IDisposable SubscribeToOwnCommits(Func<IReadOnlyList<ChangeEvent>, Task> handler) => Add(new Subscription(this, handler, ownCommitsOnly: true));

    /// <summary>Changes this node committed.</summary>
    public void Publish(IReadOnlyList<ChangeEvent> events) => Deliver(events, ownCommits: true);

    /// <summary>Changes another node committed, or a reload: heard by every subscriber but those of <see cref="SubscribeToOwnCommits"/>.</summary>
    public void PublishFromElsewhere(IReadOnlyList<ChangeEvent> events) => Deliver(events, ownCommits: false);

    private Subscription Add(Subscription subscription)
    {
        lock (gate) subscribers = subscribers.Add(subscription);
        return subscription;
    }

    private void Deliver(IReadOnlyList<ChangeEvent> events, bool ownCommits)
    {
        if (events.Count == 0) return;
        foreach (var subscription in subscribers.Items)
        {
            if (ownCommits || !subscription.OwnCommitsOnly) _ = Deliver(subscription, events);
        }
    }

    private async Task Deliver(Subscription subscription, IReadOnlyList<ChangeEvent> events)
    {
        try
        {
            await subscription.Handler(events);
        }
        catch (Exception ex)
        {
            // One broken circuit must not stop the others from hearing about the change.
            logger.LogWarning(ex, "A live-event subscriber failed");
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (gate) subscribers = subscribers.Remove(subscription);
    }

    private sealed class Subscription(LiveEventStream owner, Func<IReadOnlyList<ChangeEvent>, Task> handler, bool ownCommitsOnly) : IDisposable
    {
        public Func<IReadOnlyList<ChangeEvent>, Task> Handler { get; } = handler;

        public bool OwnCommitsOnly { get; } = ownCommitsOnly;

        public void Dispose() => owner.Remove(this);
    }

    // Copy-on-write: publishing walks a snapshot without taking the lock.
    private sealed record ImmutableSubscriberList(Subscription[] Items)
    {
        public static readonly ImmutableSubscriberList Empty = new([]);
        public ImmutableSubscriberList Add(Subscription s) => new([.. Items, s]);
        public ImmutableSubscriberList Remove(Subscription s) => new(Items.Where(i => !ReferenceEquals(i, s)).ToArray());
    }
}
