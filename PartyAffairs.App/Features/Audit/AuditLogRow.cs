using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Audit;

/// <summary>One audit entry as the log shows it; <see cref="CatalogueYear"/> names a catalogue by its year, as people do, instead of its id.</summary>
public sealed record AuditLogRow(long Id, DateTime AtUtc, string ActorName, string? OrganizationName, string EntityType, int EntityId,
    WorkflowAction Action, string? FromState, string? ToState, string? Reason, int? CatalogueYear = null, string? ActorPost = null);
