using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>What the catalogue page narrows its items by; null means any.</summary>
public sealed record CatalogueFilter(int? OrganizationId = null, Category? Category = null, Cadence? Cadence = null, Audience? Audience = null);
