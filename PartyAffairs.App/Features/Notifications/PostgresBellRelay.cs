using System.Text.Json;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>
/// Rings bells across nodes: whatever <see cref="NotificationSignal"/> raises on this node goes out on its own channel, and
/// every other node's listener (<see cref="PostgresChangeListener"/>) hands it back here to ring the bells open there. Sent
/// after the commit rather than inside it, since the signal is raised after the commit everywhere (the writer, the reminders,
/// the calendar); a lost ring costs a bell only the wait for its next read, and a listener that reconnects rings every bell
/// on its node. A singleton on PostgreSQL only.
/// </summary>
public sealed class PostgresBellRelay : IPostgresChannelHandler, IDisposable
{
    public const string Name = "partyaffairs_bells";

    /// <summary>PostgreSQL refuses a payload of 8,000 bytes or more; a user id is a GUID, so this many fit with room to spare.</summary>
    private const int UsersPerPayload = 150;

    private readonly DatabaseOptions database;
    private readonly Guid nodeId;
    private readonly NotificationSignal signal;
    private readonly ILogger<PostgresBellRelay> logger;

    public PostgresBellRelay(DatabaseOptions database, PostgresChangeChannel changes, NotificationSignal signal, ILogger<PostgresBellRelay> logger)
    {
        this.database = database;
        nodeId = changes.NodeId;
        this.signal = signal;
        this.logger = logger;
        signal.Raised += Send;
    }

    public string Channel => Name;

    private void Send(IReadOnlyCollection<string> userIds) => _ = SendAsync(userIds);

    private async Task SendAsync(IReadOnlyCollection<string> userIds)
    {
        try
        {
            var payloads = userIds.Chunk(UsersPerPayload).Select(chunk => JsonSerializer.Serialize(new BellPayload(nodeId, chunk))).ToArray();
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT pg_notify('{Name}', payload) FROM unnest(@payloads) AS payload", connection);
            command.Parameters.AddWithValue("payloads", payloads);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not ring bells on the other nodes; theirs show the new notifications at their next read");
        }
    }

    public void Receive(string payload)
    {
        var bell = JsonSerializer.Deserialize<BellPayload>(payload) ?? throw new JsonException("An empty bell payload.");
        // This node's own bells rang when it raised them.
        if (bell.Node != nodeId) signal.RaiseFromElsewhere(bell.Users);
    }

    public void MayHaveMissed() => signal.RaiseEveryone();

    public void Dispose() => signal.Raised -= Send;

    private sealed record BellPayload(Guid Node, string[] Users);
}
