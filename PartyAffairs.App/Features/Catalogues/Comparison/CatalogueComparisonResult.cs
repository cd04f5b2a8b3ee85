namespace PartyAffairs.App.Features.Catalogues.Comparison;

/// <summary>How one list of items departs from another: what is new, what is gone, what differs.</summary>
public sealed record CatalogueComparisonResult(IReadOnlyList<CatalogueRow> Added, IReadOnlyList<CatalogueRow> Removed,
    IReadOnlyList<ItemDifference> Changed)
{
    public bool IsSame => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
