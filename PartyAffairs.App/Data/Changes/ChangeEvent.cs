using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Changes;

/// <summary>A committed transition, as it travels to every circuit that listens.</summary>
public sealed record ChangeEvent(string EntityType, int EntityId, int? OrganizationId, WorkflowAction Action,
    string? FromState, string? ToState, string ActorName, DateTime AtUtc, string? Reason)
{
    public static ChangeEvent From(AuditEntry e) =>
        new(e.EntityType, e.EntityId, e.OrganizationId, e.Action, e.FromState, e.ToState, e.ActorName, e.AtUtc, e.Reason);
}
