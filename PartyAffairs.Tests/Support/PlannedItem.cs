using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Support;

/// <summary>A catalogue item for <see cref="TestBureau.CatalogueAsync"/>: one occurrence per due date, in order.</summary>
public sealed record PlannedItem(int OrganizationId, string Title, Cadence Cadence, Audience Audience, IReadOnlyList<DateOnly> DueDates,
    Category Category = Category.OrganizationalBuilding, bool Standing = false);
