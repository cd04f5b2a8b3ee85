namespace PartyAffairs.App.Domain;

/// <summary>One line of the append-only audit log: who did what to which record, from which state to which, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public int EntityId { get; internal set; }
    public int? OrganizationId { get; private set; }
    /// <summary>The verb, e.g. Submit, Approve, Assign.</summary>
    public WorkflowAction Action { get; private set; }
    public string? FromState { get; private set; }
    public string? ToState { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The post she acted in (<see cref="Post.Key"/>): the one she chose when it fits the record's organization, else her first that does.</summary>
    public string? ActorPost { get; private set; }

    private AuditEntry() { }

    public AuditEntry(Actor actor, DateTime atUtc, string entityType, int entityId, int? organizationId,
        WorkflowAction action, string? fromState, string? toState, string? reason)
    {
        if (atUtc.Kind != DateTimeKind.Utc) throw new ArgumentException("Audit times are UTC.", nameof(atUtc));
        AtUtc = atUtc;
        ActorId = actor.UserId;
        ActorName = actor.DisplayName;
        ActorPost = actor.PostFor(organizationId)?.Key;
        EntityType = entityType;
        EntityId = entityId;
        OrganizationId = organizationId;
        Action = action;
        FromState = fromState;
        ToState = toState;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}
