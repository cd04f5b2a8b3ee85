using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

public sealed record CatalogueSummary(int Id, int Year, string Title, CatalogueState State, string? Source, DateTime? ApprovedAtUtc);
