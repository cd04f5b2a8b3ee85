using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Changes;

/// <summary>A committed transition, as it travels to every circuit that listens.</summary>
public sealed record ChangeEvent(string EntityType, int EntityId, int? OrganizationId, WorkflowAction Action,
    string? FromState, string? ToState, string ActorName, DateTime AtUtc, string? Reason)
{
    /// <summary>The entity type of <see cref="AnythingMayHaveChanged"/>: no entity is named so.</summary>
    public const string AnyEntity = "*";

    public static ChangeEvent From(AuditEntry e) =>
        new(e.EntityType, e.EntityId, e.OrganizationId, e.Action, e.FromState, e.ToState, e.ActorName, e.AtUtc, e.Reason);

    /// <summary>
    /// Not a transition: this node may have missed some (its PostgreSQL listener was disconnected), so whatever a subscriber
    /// keeps from earlier reads must be read again. Its action and states mean nothing; a subscriber that picks events by
    /// entity type or action must look at <see cref="IsReload"/> first.
    /// </summary>
    public static ChangeEvent AnythingMayHaveChanged(DateTime atUtc) =>
        new(AnyEntity, 0, null, default, null, null, "", atUtc, null);

    public bool IsReload => EntityType == AnyEntity;
}
