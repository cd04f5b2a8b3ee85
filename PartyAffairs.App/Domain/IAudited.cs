namespace PartyAffairs.App.Domain;

/// <summary>
/// An entity that records its own transitions. The DbContext saves the pending entries in the same
/// transaction as the entity, filling in the id of a new entity, so no service can forget the audit.
/// </summary>
public interface IAudited
{
    int Id { get; }
    IReadOnlyList<AuditEntry> PendingAudit { get; }
    void ClearPendingAudit();
}
