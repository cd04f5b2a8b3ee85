namespace PartyAffairs.App.Features.Notifications;

/// <summary>
/// Tells open bells that a user's notifications changed (a singleton: it crosses circuits). Handlers run on
/// the writer's thread, so a bell re-renders through InvokeAsync; a failing handler never reaches the writer.
/// With several nodes (PostgreSQL), <see cref="PostgresBellRelay"/> carries <see cref="Raised"/> to the others' bells.
/// </summary>
public sealed class NotificationSignal(ILogger<NotificationSignal> logger)
{
    private readonly Lock gate = new();
    // Copy-on-write: raising walks a snapshot without taking the lock.
    private Subscription[] subscribers = [];

    public IDisposable Subscribe(string userId, Func<Task> handler)
    {
        var subscription = new Subscription(this, userId, handler);
        lock (gate) subscribers = [.. subscribers, subscription];
        return subscription;
    }

    /// <summary>What this node raised (not what it heard from another node), for the relay to pass on.</summary>
    public event Action<IReadOnlyCollection<string>>? Raised;

    public void Raise(IEnumerable<string> userIds)
    {
        var targets = userIds.ToHashSet();
        if (targets.Count == 0) return;
        RaiseHere(targets);
        Raised?.Invoke(targets);
    }

    /// <summary>What another node raised: rung here only, or it would travel back.</summary>
    public void RaiseFromElsewhere(IEnumerable<string> userIds) => RaiseHere(userIds.ToHashSet());

    /// <summary>Every bell on this node reads again: this node may have missed what others raised.</summary>
    public void RaiseEveryone()
    {
        foreach (var subscription in subscribers) _ = Deliver(subscription);
    }

    private void RaiseHere(HashSet<string> targets)
    {
        foreach (var subscription in subscribers)
        {
            if (targets.Contains(subscription.UserId)) _ = Deliver(subscription);
        }
    }

    private async Task Deliver(Subscription subscription)
    {
        try
        {
            await subscription.Handler();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A notification subscriber failed");
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (gate) subscribers = subscribers.Where(s => !ReferenceEquals(s, subscription)).ToArray();
    }

    private sealed class Subscription(NotificationSignal owner, string userId, Func<Task> handler) : IDisposable
    {
        public string UserId { get; } = userId;

        public Func<Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
