using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>One recorded transition as a trail or a live feed shows it; <see cref="Subject"/> names the record (a title) when known.</summary>
public sealed record AuditRow(long Id, DateTime AtUtc, string ActorName, string EntityType, int EntityId, string? OrganizationName,
    WorkflowAction Action, string? FromState, string? ToState, string? Reason, string? Subject, string? ActorPost = null);
