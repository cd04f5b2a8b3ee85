namespace PartyAffairs.App.Features.Notifications;

/// <summary>
/// Tells open bells that a user's notifications changed (a singleton: it crosses circuits). Handlers run on
/// the writer's thread, so a bell re-renders through InvokeAsync; a failing handler never reaches the writer.
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

    public void Raise(IEnumerable<string> userIds)
    {
        var targets = userIds.ToHashSet();
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
