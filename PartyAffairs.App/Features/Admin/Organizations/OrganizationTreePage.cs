namespace PartyAffairs.App.Features.Admin.Organizations;

/// <summary>One page of the Admin's tree, in tree order; <see cref="Total"/> counts every organization the filter keeps.</summary>
public sealed record OrganizationTreePage(IReadOnlyList<OrganizationNode> Nodes, int Total);
