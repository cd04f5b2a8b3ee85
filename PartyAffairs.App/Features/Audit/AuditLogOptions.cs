using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Audit;

/// <summary>What the viewer's drop-downs offer: the organizations, and the entity types and actions the log holds.</summary>
public sealed record AuditLogOptions(IReadOnlyList<OrganizationOption> Organizations, IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions);
