using System.Data.Common;
using Npgsql;
using PartyAffairs.App.Data.Changes;

namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// How the nodes sharing one PostgreSQL database tell each other what they committed: <c>pg_notify</c> on one channel,
/// sent inside the writing transaction, so PostgreSQL delivers it at the commit and drops it with a rollback. A singleton
/// registered on PostgreSQL only; <see cref="NodeId"/> names this process, so its own listener can leave its own changes
/// to the local announcement (<see cref="ChangeAuditInterceptor"/>) and every subscriber hears each change once.
/// </summary>
public sealed class PostgresChangeChannel
{
    public const string Name = "partyaffairs_changes";

    private const string Sql = $"SELECT pg_notify('{Name}', payload) FROM unnest(@payloads) AS payload";

    private long sequence;

    public Guid NodeId { get; } = Guid.NewGuid();

    public async Task NotifyAsync(DbTransaction transaction, IReadOnlyList<ChangeEvent> events, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, events);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Notify(DbTransaction transaction, IReadOnlyList<ChangeEvent> events)
    {
        using var command = Command(transaction, events);
        command.ExecuteNonQuery();
    }

    private NpgsqlCommand Command(DbTransaction transaction, IReadOnlyList<ChangeEvent> events)
    {
        var npgsql = (NpgsqlTransaction)transaction;
        var payloads = ChangeEventPayload.Encode(NodeId, () => Interlocked.Increment(ref sequence), events);
        var command = new NpgsqlCommand(Sql, npgsql.Connection, npgsql);
        // One round trip, however many payloads the limit asked for.
        command.Parameters.AddWithValue("payloads", payloads.ToArray());
        return command;
    }
}
