using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Organizations;

/// <summary>What the Admin enters to create an organization or to rename and move one (the kind is fixed once created).</summary>
public sealed class OrganizationRequest
{
    public string Name { get; set; } = "";
    /// <summary>Opens the organization's archive numbers, e.g. JGDW.</summary>
    public string Code { get; set; } = "";
    public OrganizationKind Kind { get; set; } = OrganizationKind.Branch;
    public int? ParentId { get; set; }
}
