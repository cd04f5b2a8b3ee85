using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>
/// One year's catalogue as the page shows it; <see cref="Catalogue"/> is null when the year has none yet. <see cref="Items"/> is one
/// page of its items (the filter's), <see cref="Total"/> counts every item the filters match. <see cref="Proposable"/>: the
/// organizations the person may propose items for (every one for the Office, her own for a Secretary or Drafter, none else).
/// </summary>
public sealed record CatalogueView(int Year, CatalogueSummary? Catalogue, IReadOnlyList<int> Years,
    OrganizationScope Proposable, IReadOnlyList<CatalogueItemRow> Items, int Total = 0);
