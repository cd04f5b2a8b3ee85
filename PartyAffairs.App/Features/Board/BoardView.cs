using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Board;

/// <summary>The board as the asker may see it, optionally narrowed by a search, an organization and a category.</summary>
public sealed record BoardView(string? Query, IReadOnlyList<BoardOrganizationGroup> Organizations, int? OrganizationId = null,
    Category? Category = null, IReadOnlyList<OrganizationOption>? OrganizationChoices = null)
{
    public int Count => Organizations.Sum(o => o.Count);
}
