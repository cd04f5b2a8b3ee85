using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Audit;

/// <summary>What the viewer's drop-downs offer: the entity types and actions the log holds (organizations are searched, see <see cref="OrganizationSearch"/>).</summary>
public sealed record AuditLogOptions(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions);
