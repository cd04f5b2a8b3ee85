using Microsoft.Extensions.Options;
using Npgsql;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Hosting.Circuits;

/// <summary>
/// The per-person circuit count for several nodes on one PostgreSQL database: each live circuit connection is a row of
/// <c>ClusterCircuits</c> naming its node, deleted when the connection ends. The node pushes its rows' expiry ahead every
/// <see cref="CircuitLimitsOptions.ClusterHeartbeat"/>; a node that dies stops doing so, and its rows stop counting after
/// <see cref="CircuitLimitsOptions.ClusterExpiry"/> (then any node deletes them). A slot is taken under a transaction-scoped
/// advisory lock on the holder, so two nodes admitting the same person at once cannot both take the last slot.
/// </summary>
public sealed class ClusterCircuitLedger(DatabaseOptions database, IOptions<CircuitLimitsOptions> options, TimeProvider time,
    ILogger<ClusterCircuitLedger> logger) : BackgroundService, ICircuitLedger
{
    // Slots whose delete failed: their rows would count as long as this node lives, so the next beat deletes them.
    private readonly List<Guid> unreturned = [];
    /// <summary>This process, as its rows name it.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async ValueTask<CircuitSlot?> TryTakeAsync(string holder, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slot = new CircuitSlot(holder, Guid.NewGuid());
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@holder, 22))", connection, transaction))
        {
            gate.Parameters.AddWithValue("holder", "circuits:" + holder);
            await gate.ExecuteNonQueryAsync(cancellationToken);
        }
        // A statement after the lock sees every slot committed before it was granted (READ COMMITTED takes a new snapshot).
        await using var take = new NpgsqlCommand("""
            INSERT INTO "ClusterCircuits" ("Id", "Holder", "NodeId", "ExpiresAt")
            SELECT @id, @holder, @node, @expires
            WHERE (SELECT count(*) FROM "ClusterCircuits" WHERE "Holder" = @holder AND "ExpiresAt" > @now) < @limit
            """, connection, transaction);
        take.Parameters.AddWithValue("id", slot.Id);
        take.Parameters.AddWithValue("holder", holder);
        take.Parameters.AddWithValue("node", NodeId);
        take.Parameters.AddWithValue("expires", now + options.Value.ClusterExpiry);
        take.Parameters.AddWithValue("now", now);
        take.Parameters.AddWithValue("limit", (long)limit);
        var taken = await take.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return taken ? slot : null;
    }

    public async ValueTask GiveAsync(CircuitSlot slot)
    {
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var give = new NpgsqlCommand("""DELETE FROM "ClusterCircuits" WHERE "Id" = @id""", connection);
            give.Parameters.AddWithValue("id", slot.Id);
            await give.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            lock (unreturned) unreturned.Add(slot.Id);
            logger.LogWarning(exception, "Could not give back the circuit slot of {Holder}; retrying at the next heartbeat", slot.Holder);
        }
    }

    /// <summary>Marks this node's circuits as still held, and deletes expired rows of any node.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Guid[] retry;
        lock (unreturned)
        {
            retry = [.. unreturned];
            unreturned.Clear();
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var beat = new NpgsqlCommand("""
            DELETE FROM "ClusterCircuits" WHERE "Id" = ANY(@retry);
            DELETE FROM "ClusterCircuits" WHERE "ExpiresAt" <= @now;
            UPDATE "ClusterCircuits" SET "ExpiresAt" = @expires WHERE "NodeId" = @node;
            """, connection);
        beat.Parameters.AddWithValue("retry", retry);
        beat.Parameters.AddWithValue("now", now);
        beat.Parameters.AddWithValue("expires", now + options.Value.ClusterExpiry);
        beat.Parameters.AddWithValue("node", NodeId);
        await beat.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClusterHeartbeat, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Could not renew this node's circuit slots; they expire after {Expiry} unless a later beat succeeds",
                    options.Value.ClusterExpiry);
            }
        }
    }

    /// <summary>A node shutting down gives back its slots at once rather than leaving them to expire.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var release = new NpgsqlCommand("""DELETE FROM "ClusterCircuits" WHERE "NodeId" = @node""", connection);
            release.Parameters.AddWithValue("node", NodeId);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not give back this node's circuit slots on shutdown; they expire after {Expiry}", options.Value.ClusterExpiry);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
