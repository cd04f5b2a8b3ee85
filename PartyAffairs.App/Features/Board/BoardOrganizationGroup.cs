namespace PartyAffairs.App.Features.Board;

/// <summary>One organization's part of the board.</summary>
public sealed record BoardOrganizationGroup(int OrganizationId, string OrganizationName, IReadOnlyList<BoardCategoryGroup> Categories)
{
    public int Count => Categories.Sum(c => c.Standing.Count + c.Current.Count);
}
