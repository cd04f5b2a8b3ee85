using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogue;

public sealed record CatalogueSummary(int Id, int Year, string Title, CatalogueState State, string? Source, DateTime? ApprovedAtUtc);
