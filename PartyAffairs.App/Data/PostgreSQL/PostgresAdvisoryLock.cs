using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// PostgreSQL session advisory locks, for what must happen once across nodes: each is held by a connection of its own outside
/// the pool, because a session lock lives as long as the server session and a pooled connection's <c>Close()</c> only hands the
/// session back to the pool, lock and all. Closing an unpooled connection ends the session, and a node that dies drops its
/// connection, so the server frees its locks without anyone's help. A transaction lock (<see cref="TakeForTransactionAsync"/>)
/// needs no connection of its own: it ends with its transaction. Advisory locks belong to one database: nodes of different
/// databases on one server never meet. The keys are fixed numbers, not hashes, so an operator can find them in <c>pg_locks</c>.
/// </summary>
public static class PostgresAdvisoryLock
{
    /// <summary>Migrations, seeding and the first data-protection key (DatabaseInitializer): one node at a time.</summary>
    public const long Initialization = 0x5041_494E_4954; // "PAINIT"

    /// <summary>The background jobs' lease (PostgresJobLease): the node that holds it runs them.</summary>
    public const long JobLease = 0x5041_4A4F_4253; // "PAJOBS"

    /// <summary>Archiving: the next number of an organization's year and the chain's head are read and written by one writer at a time.</summary>
    public const long Archive = 0x5041_4152_4348; // "PAARCH"

    /// <summary>The reminders' read of what was sent and write of what was not (Reminders.WriteMissingAsync).</summary>
    public const long Reminders = 0x5041_5245_4D44; // "PAREMD"

    /// <summary>
    /// On PostgreSQL, begins a transaction and waits for <paramref name="key"/>, held until that transaction ends: what reads and
    /// then writes in it runs one at a time across nodes. On SQLite null, and nothing begun: one process, whose writes the
    /// write gate already takes one at a time (the caller commits the transaction when it is not null).
    /// </summary>
    public static async Task<IDbContextTransaction?> SerializeAcrossNodesAsync(this DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        if (!database.IsNpgsql()) return null;
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        await database.TakeForTransactionAsync(key, cancellationToken);
        return transaction;
    }

    /// <summary>
    /// On PostgreSQL, waits for <paramref name="key"/> until the current transaction ends (commit or rollback frees it). On SQLite it
    /// does nothing: there, a write transaction (Microsoft.Data.Sqlite begins IMMEDIATE) already holds the file's one write lock.
    /// </summary>
    public static async Task TakeForTransactionAsync(this DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        if (!database.IsNpgsql()) return;
        if (database.CurrentTransaction is null) throw new InvalidOperationException("A transaction lock needs a transaction.");
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    /// <summary>Opens a connection of its own, outside the pool, named in <c>pg_stat_activity</c> after what it holds.</summary>
    public static async Task<NpgsqlConnection> OpenUnpooledAsync(string connectionString, string purpose, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = $"PartyAffairs {purpose}" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the lock as long as it takes (the holder may be migrating and seeding for minutes), or until cancelled.</summary>
    public static async Task LockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes the lock if nobody holds it; never waits.</summary>
    public static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection) { CommandTimeout = CommandSeconds(timeout) };
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Proves the session (and so its locks) is still there: throws if the connection broke or the server did not answer in time.</summary>
    public static async Task PingAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = CommandSeconds(timeout) };
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static int CommandSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
