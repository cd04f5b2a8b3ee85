using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartyAffairs.App.Data;

/// <summary>
/// Every connection waits for a busy database instead of failing at once, and enforces foreign keys.
/// (WAL is a property of the file and is set once at start-up.) The pragmas belong to the native connection, which the pool
/// keeps across opens, so they run once per native connection rather than on every open of a pooled one.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private static readonly object Done = new();

    private readonly ConditionalWeakTable<object, object> prepared = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadyPrepared(connection)) return;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        MarkPrepared(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadyPrepared(connection)) return;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        MarkPrepared(connection);
    }

    // The native handle lives as long as the pooled connection; one the pool discarded is replaced by a new handle.
    private bool AlreadyPrepared(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && prepared.TryGetValue(handle, out _);

    private void MarkPrepared(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) prepared.AddOrUpdate(handle, Done);
    }
}
