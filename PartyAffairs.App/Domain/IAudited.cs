namespace PartyAffairs.App.Domain;

/// <summary>
/// An entity that records its own transitions. The auditing interceptor saves the pending entries in the same
/// transaction as the entity, filling in the id of a new entity, so no service can forget the audit; once the
/// transaction commits, the entries and the announcements go out as change events to every listener.
/// </summary>
public interface IAudited
{
    int Id { get; }
    IReadOnlyList<AuditEntry> PendingAudit { get; }

    /// <summary>Changes others should hear of once saved but the trail does not keep (never stored).</summary>
    IReadOnlyList<AuditEntry> PendingAnnouncements { get; }

    void ClearPendingAudit();

    void ClearPendingAnnouncements();
}
