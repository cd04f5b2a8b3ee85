using System.Text.Json;
using Npgsql;
using PartyAffairs.App.Data.Changes;

namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// Hears what the other nodes commit (<see cref="PostgresChangeChannel"/>) and tells this node's <see cref="LiveEventStream"/>,
/// so dashboards, caches and the board's cache react whichever node made the change; this node's own notifications are
/// skipped, its subscribers heard those at the commit. On the same connection it hears the channels of the
/// <see cref="IPostgresChannelHandler"/>s (the bells), and hands them what arrives there. It holds one unpooled connection of its own, <c>LISTEN</c>ing; when
/// that is lost it connects again, waiting longer after each failure, and since a notification sent while nobody listened is
/// gone for good, every time it starts listening it publishes a reload (<see cref="ChangeEvent.AnythingMayHaveChanged"/>) and
/// tells each handler it may have missed something.
/// A singleton hosted service, registered on PostgreSQL only.
/// </summary>
public sealed class PostgresChangeListener(
    DatabaseOptions database,
    PostgresChangeChannel channel,
    LiveEventStream stream,
    IEnumerable<IPostgresChannelHandler> handlers,
    TimeProvider time,
    ILogger<PostgresChangeListener> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>How the listening connection shows in <c>pg_stat_activity</c>: one per node (PostgreSQL keeps 63 bytes of it).</summary>
    public string ApplicationName => $"PartyAffairs listener {channel.NodeId:N}";

    private readonly Dictionary<string, IPostgresChannelHandler> others = handlers.ToDictionary(h => h.Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // A pooled connection would go back to the pool still listening; this one is the listener's alone.
            Pooling = false,
            ApplicationName = ApplicationName,
            // A connection that died without a word (a cable, a firewall) is found by a query every so often, not never.
            KeepAlive = 15,
        }.ConnectionString;
        var retry = FirstRetry;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Channel, e.Payload);
                var listenTo = string.Join(" ", new[] { PostgresChangeChannel.Name }.Concat(others.Keys).Select(name => $"LISTEN {name};"));
                await using (var listen = new NpgsqlCommand(listenTo, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (lost) logger.LogInformation("Listening again for other nodes' changes; subscribers reload what they may have missed");
                else logger.LogInformation("Listening for other nodes' changes as {ApplicationName}", ApplicationName);
                retry = FirstRetry;
                // Even the first time: a page may have read before this node listened, and missed a change made meanwhile.
                stream.PublishFromElsewhere([ChangeEvent.AnythingMayHaveChanged(time.GetUtcNow().UtcDateTime)]);
                foreach (var handler in others.Values) handler.MayHaveMissed();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                lost = true;
                logger.LogWarning(ex, "Not listening for other nodes' changes; trying again in {Retry} ms", retry.TotalMilliseconds);
                try
                {
                    // Real time, not the bureau's clock: this waits for a server.
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    private void Receive(string channelName, string payload)
    {
        if (others.TryGetValue(channelName, out var handler))
        {
            try
            {
                handler.Receive(payload);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "An unreadable notification on {Channel}", channelName);
                handler.MayHaveMissed();
            }
            return;
        }
        try
        {
            var (node, events) = ChangeEventPayload.Decode(payload);
            if (node != channel.NodeId) stream.PublishFromElsewhere(events);
        }
        catch (JsonException ex)
        {
            // Not ours, or from a build that writes otherwise: what it said is lost, so everything is read again.
            logger.LogWarning(ex, "An unreadable change notification; subscribers reload");
            stream.PublishFromElsewhere([ChangeEvent.AnythingMayHaveChanged(time.GetUtcNow().UtcDateTime)]);
        }
    }
}
