using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Organizations;

/// <summary>One organization as the Admin's tree shows it: in tree order, with its depth and how many users belong to it.</summary>
public sealed record OrganizationNode(
    int Id, string Name, string Code, OrganizationKind Kind, int? ParentId, bool IsActive, int Depth, int UserCount);
