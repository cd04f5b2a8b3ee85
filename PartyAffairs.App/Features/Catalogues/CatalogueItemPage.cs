namespace PartyAffairs.App.Features.Catalogues;

/// <summary>One page of a catalogue's items: <see cref="Total"/> counts everything the filters match.</summary>
public sealed record CatalogueItemPage(IReadOnlyList<CatalogueItemRow> Rows, int Total);
