namespace PartyAffairs.App.Data.Changes;

/// <summary>
/// The in-process stream of committed transitions (a singleton: it crosses circuits). A component
/// subscribes in OnInitialized, re-renders through InvokeAsync, and disposes the subscription.
/// Handlers run on the committing thread: keep them short and never let them throw into the writer.
/// </summary>
public sealed class LiveEventStream(ILogger<LiveEventStream> logger)
{
    private readonly Lock gate = new();
    private ImmutableSubscriberList subscribers = ImmutableSubscriberList.Empty;

    public int SubscriberCount => subscribers.Items.Length;

    public IDisposable Subscribe(Func<IReadOnlyList<ChangeEvent>, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        lock (gate) subscribers = subscribers.Add(subscription);
        return subscription;
    }

    public void Publish(IReadOnlyList<ChangeEvent> events)
    {
        if (events.Count == 0) return;
        foreach (var subscription in subscribers.Items)
        {
            _ = Deliver(subscription, events);
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

    private sealed class Subscription(LiveEventStream owner, Func<IReadOnlyList<ChangeEvent>, Task> handler) : IDisposable
    {
        public Func<IReadOnlyList<ChangeEvent>, Task> Handler { get; } = handler;

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
