using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>An item as the grid shows it, with the version an inline edit acts on.</summary>
public sealed record CatalogueItemRow(int Id, int Version, int OrganizationId, string OrganizationName, Category Category, string Title,
    string Description, Channel Channels, Audience Audience, Cadence Cadence, bool Standing, string ResponsiblePerson,
    bool IsRetired, IReadOnlyList<OccurrenceRow> Occurrences)
{
    public int OverdueCount => Occurrences.Count(o => o.IsOverdue);
}
