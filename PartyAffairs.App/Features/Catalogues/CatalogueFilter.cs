using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>
/// What the catalogue page narrows its items by; null means any. Then one page of it, in the order of <see cref="SortBy"/>
/// (a <see cref="CatalogueItemRow"/> property name; the bureau's order of organizations, then category, when null).
/// </summary>
public sealed record CatalogueFilter(int? OrganizationId = null, Category? Category = null, Cadence? Cadence = null, Audience? Audience = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false);
