namespace PartyAffairs.App.Features.Catalogues.Comparison;

/// <summary>An item that is in both lists under the same organization and 事项, with every field compared.</summary>
public sealed record ItemDifference(CatalogueRow Before, CatalogueRow After, IReadOnlyList<FieldDifference> Fields)
{
    public IEnumerable<FieldDifference> ChangedFields => Fields.Where(f => f.Changed);
}
