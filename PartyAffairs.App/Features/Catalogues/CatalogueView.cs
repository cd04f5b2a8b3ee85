using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>One year's catalogue as the page shows it; <see cref="Catalogue"/> is null when the year has none yet.</summary>
public sealed record CatalogueView(int Year, CatalogueSummary? Catalogue, IReadOnlyList<int> Years,
    IReadOnlyList<OrganizationOption> Organizations, IReadOnlyList<CatalogueItemRow> Items);
