using Microsoft.EntityFrameworkCore;

namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// PostgreSQL advisory locks the app takes, by name: one key each, so two nodes serialize the work that must happen one at a
/// time in the whole cluster. The keys are fixed numbers, not hashes, so an operator can find them in <c>pg_locks</c>.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Archiving: the next number of an organization's year and the chain's head are read and written by one writer at a time.</summary>
    public const long Archive = 0x5041_0001;

    /// <summary>
    /// On PostgreSQL, waits for <paramref name="key"/> until the current transaction ends (commit or rollback frees it). On SQLite it
    /// does nothing: there, a write transaction (Microsoft.Data.Sqlite begins IMMEDIATE) already holds the file's one write lock.
    /// </summary>
    public static async Task TakeForTransactionAsync(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        if (!database.IsNpgsql()) return;
        if (database.CurrentTransaction is null) throw new InvalidOperationException("A transaction lock needs a transaction.");
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }
}
