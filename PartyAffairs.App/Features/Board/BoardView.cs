namespace PartyAffairs.App.Features.Board;

/// <summary>The board as the asker may see it, optionally narrowed by a title search.</summary>
public sealed record BoardView(string? Query, IReadOnlyList<BoardOrganizationGroup> Organizations)
{
    public int Count => Organizations.Sum(o => o.Count);
}
