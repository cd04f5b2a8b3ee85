namespace PartyAffairs.App.Features.Audit;

public sealed record AuditLogRow(long Id, DateTime AtUtc, string ActorName, string? OrganizationName, string EntityType, int EntityId,
    string Action, string? FromState, string? ToState, string? Reason);
