using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Changes;

/// <summary>
/// Writes what the entities queued (<see cref="IAudited"/>) as audit rows in the save that stores them, and once the
/// changes are committed tells <see cref="LiveEventStream"/> about every audit row the save inserted — the entities' and
/// any a service added itself — and about the entities' announcements. Nothing is told of a save that failed or of a
/// transaction that never committed. A singleton registered with the pooled context factory: what belongs to one context
/// is kept per context instance and dropped when its next transaction starts.
/// On PostgreSQL (<paramref name="channel"/>) the other nodes are told too, by <c>pg_notify</c> just before the commit, inside
/// the transaction: PostgreSQL delivers it only if the commit succeeds. <see cref="AppDbContext"/> runs every save that
/// announces something in a transaction there, so no announcement is made after the fact.
/// </summary>
public sealed class ChangeAuditInterceptor(LiveEventStream stream, PostgresChangeChannel? channel = null) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Whether saving this tracker's changes will announce anything: what <see cref="Audit"/> turns into events.</summary>
    public static bool Announces(ChangeTracker tracker) =>
        tracker.Entries<IAudited>().Any(e => e.Entity.PendingAudit.Count > 0 || e.Entity.PendingAnnouncements.Count > 0)
        || tracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Unsaved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unsaved(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Unsaved(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Unsaved(eventData.Context);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (channel is not null && Committing(eventData.Context) is { Count: > 0 } events) channel.Notify(transaction, events);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (channel is not null && Committing(eventData.Context) is { Count: > 0 } events) await channel.NotifyAsync(transaction, events, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Moves the entities' pending entries into the save, with their ids — a deleted entity's too, its last entry. A new
    /// entity learns its id only in this save: its entries wait for the next one, which <see cref="AppDbContext"/> runs in
    /// the same transaction.
    /// </summary>
    private void Audit(DbContext? context)
    {
        if (context is null) return;
        var state = pending.GetValue(context, _ => new Pending());
        state.Saving.Clear();
        state.Announcing.Clear();
        var audited = context.ChangeTracker.Entries<IAudited>()
            .Where(e => e.Entity.PendingAudit.Count > 0 || e.Entity.PendingAnnouncements.Count > 0)
            .ToList();
        foreach (var entry in audited)
        {
            var entity = entry.Entity;
            // Announcements carry no row: they are read once saved, when a new entity has its id.
            if (entity.PendingAnnouncements.Count > 0) state.Announcing.Add(entity);
            if (entry.State == EntityState.Added) continue;
            foreach (var row in entity.PendingAudit)
            {
                row.EntityId = entity.Id;
                state.Saving.Add(row);
            }
            entity.ClearPendingAudit();
        }
        context.Set<AuditEntry>().AddRange(state.Saving);
        // Rows a service added itself (a record that is not a workflow entity) are announced like the entities' own.
        var own = state.Saving.ToHashSet(ReferenceEqualityComparer.Instance);
        state.Saving.AddRange(context.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && !own.Contains(e.Entity))
            .Select(e => e.Entity));
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var state)) return;
        var events = state.Saving.Select(ChangeEvent.From).ToList();
        foreach (var entity in state.Announcing)
        {
            events.AddRange(entity.PendingAnnouncements.Select(a =>
            {
                a.EntityId = entity.Id;
                return ChangeEvent.From(a);
            }));
            entity.ClearPendingAnnouncements();
        }
        state.Saving.Clear();
        state.Announcing.Clear();
        if (events.Count == 0) return;
        // No transaction left open means the save's own (or none, for a single statement) has committed.
        if (context.Database.CurrentTransaction is null) stream.Publish(events);
        else state.Committing.AddRange(events);
    }

    private void Unsaved(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var state)) return;
        state.Saving.Clear();
        state.Announcing.Clear();
    }

    /// <summary>A transaction starts, rolls back or fails: whatever waited for a commit (perhaps left by an earlier lease of this pooled context) never had one.</summary>
    private void Forget(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var state)) state.Committing.Clear();
    }

    private List<ChangeEvent>? Committing(DbContext? context) =>
        context is not null && pending.TryGetValue(context, out var state) ? state.Committing : null;

    private void Committed(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var state) || state.Committing.Count == 0) return;
        var events = state.Committing.ToList();
        state.Committing.Clear();
        stream.Publish(events);
    }

    private sealed class Pending
    {
        /// <summary>The audit rows of the save under way.</summary>
        public List<AuditEntry> Saving { get; } = [];

        /// <summary>The entities whose announcements go out once the save under way has stored them.</summary>
        public List<IAudited> Announcing { get; } = [];

        /// <summary>Saved inside a transaction that has not committed yet.</summary>
        public List<ChangeEvent> Committing { get; } = [];
    }
}
