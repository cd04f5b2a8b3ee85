namespace PartyAffairs.App.Features.Audit;

/// <summary>
/// The audit viewer's filters: <see cref="Person"/> is part of a name, <see cref="EntityType"/> and <see cref="EntityId"/>
/// the item, <see cref="From"/>/<see cref="To"/> days in the bureau's time zone, both included.
/// </summary>
public sealed record AuditLogQuery(string? Person = null, int? OrganizationId = null, string? EntityType = null, int? EntityId = null,
    string? Action = null, DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 50);
