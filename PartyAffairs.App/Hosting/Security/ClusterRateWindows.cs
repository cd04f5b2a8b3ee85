using Npgsql;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// Fixed-window counters every node of a PostgreSQL deployment shares (table <c>ClusterRateWindows</c>), so a per-address
/// limit holds for the cluster: a proxy spreading one client over N nodes would otherwise grant it N times the allowance.
/// Windows are aligned to the clock (multiples of their length since the epoch), so every node puts the same request in
/// the same window; the nodes' clocks are assumed to be kept by NTP, as cookie expiry already requires.
/// </summary>
public sealed class ClusterRateWindows(DatabaseOptions database, TimeProvider time)
{
    /// <summary>How often a node deletes the rows of windows that have ended.</summary>
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(5);

    private long nextPurgeTicks;

    /// <summary>Counts one more request for <paramref name="key"/> in the current window; returns the window's count so far and its end.</summary>
    public async Task<(int Count, DateTimeOffset WindowEnd)> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var end = start + window;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await PurgeNowAndThenAsync(connection, now, cancellationToken);
        // One statement, atomic under concurrent nodes: the first request of a window inserts, every other adds one.
        await using var count = new NpgsqlCommand("""
            INSERT INTO "ClusterRateWindows" ("Key", "WindowStart", "WindowEnd", "Count") VALUES (@key, @start, @end, 1)
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "ClusterRateWindows"."Count" + 1
            RETURNING "Count"
            """, connection);
        count.Parameters.AddWithValue("key", key);
        count.Parameters.AddWithValue("start", start);
        count.Parameters.AddWithValue("end", end);
        return ((int)(await count.ExecuteScalarAsync(cancellationToken))!, end);
    }

    private async Task PurgeNowAndThenAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextPurgeTicks, (now + PurgeEvery).UtcTicks, due) != due) return;
        await using var purge = new NpgsqlCommand("""DELETE FROM "ClusterRateWindows" WHERE "WindowEnd" <= @now""", connection);
        purge.Parameters.AddWithValue("now", now);
        await purge.ExecuteNonQueryAsync(cancellationToken);
    }
}
