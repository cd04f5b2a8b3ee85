namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Whether this node runs the background jobs (the display schedule, the reminders, the nightly verification, the start-up
/// catch-ups). On SQLite there is one node and it always does (<see cref="SingleNodeLease"/>); on PostgreSQL the node that holds
/// the lease does (<see cref="PostgresJobLease"/>). One lease for all the jobs: they are light, one node runs them all easily,
/// and a single holder means a failover moves them together, with nothing to balance and no job orphaned by a lease of its own.
/// </summary>
public abstract class JobLease
{
    /// <summary>Whether this node holds the lease now.</summary>
    public abstract bool IsHeld { get; }

    /// <summary>
    /// Runs <paramref name="job"/> while this node holds the lease: it waits until it does, and if the lease is lost the job's
    /// token is cancelled and the job starts again from the beginning once the lease is held again. A job that returns is
    /// done. Ends when <paramref name="stoppingToken"/> is cancelled.
    /// </summary>
    public abstract Task RunWhileHeldAsync(Func<CancellationToken, Task> job, CancellationToken stoppingToken);
}
