namespace PartyAffairs.App.Domain;

/// <summary>
/// An entity with a state machine. Each transition checks that the move is allowed, bumps
/// <see cref="Version"/> (the app-managed concurrency token: SQLite has no row versions) and queues
/// an audit entry that is saved with the change.
/// </summary>
public abstract class WorkflowEntity<TState> : IAudited where TState : struct, Enum
{
    private readonly List<AuditEntry> pendingAudit = [];
    private readonly List<AuditEntry> pendingAnnouncements = [];

    public int Id { get; protected set; }
    public TState State { get; protected set; }
    public int Version { get; protected set; }

    public IReadOnlyList<AuditEntry> PendingAudit => pendingAudit;

    public IReadOnlyList<AuditEntry> PendingAnnouncements => pendingAnnouncements;

    public void ClearPendingAudit() => pendingAudit.Clear();

    public void ClearPendingAnnouncements() => pendingAnnouncements.Clear();

    /// <summary>The organization the audit entry is filed under (null for bureau-wide records).</summary>
    protected abstract int? AuditOrganizationId { get; }

    /// <summary>The states reachable in one step from <paramref name="from"/>.</summary>
    protected abstract IEnumerable<TState> Next(TState from);

    public bool CanMoveTo(TState to) => Next(State).Contains(to);

    protected void MoveTo(TState to, WorkflowAction action, Actor actor, DateTime utcNow, string? reason = null)
    {
        if (!CanMoveTo(to))
        {
            throw new DomainRuleException("Workflow.TransitionNotAllowed", State.ToString(), to.ToString());
        }
        var from = State;
        State = to;
        Touch(action, actor, utcNow, reason, from.ToString(), to.ToString());
    }

    /// <summary>Records a change that keeps the state (creation, an edit, an override) and still bumps the version.</summary>
    protected void Touch(WorkflowAction action, Actor actor, DateTime utcNow, string? reason = null, string? from = null, string? to = null)
    {
        Version++;
        pendingAudit.Add(new AuditEntry(actor, utcNow, GetType().Name, Id, AuditOrganizationId, action, from, to, reason));
    }

    /// <summary>
    /// Tells the live pages of a change once it is saved, without a line in the audit trail and without a new version
    /// (e.g. an autosave that changed what waits for a reviewer: auditing every autosave would flood the trail).
    /// </summary>
    protected void Announce(WorkflowAction action, Actor actor, DateTime utcNow) =>
        pendingAnnouncements.Add(new AuditEntry(actor, utcNow, GetType().Name, Id, AuditOrganizationId, action,
            State.ToString(), State.ToString(), null));

    /// <summary>Checks that the version the user saw is still the current one.</summary>
    public void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != Version) throw new ConcurrencyConflictException();
    }
}
