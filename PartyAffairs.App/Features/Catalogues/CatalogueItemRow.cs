using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

public sealed record CatalogueItemRow(int Id, int OrganizationId, string OrganizationName, Category Category, string Title,
    string Description, Channel Channels, Audience Audience, Cadence Cadence, bool Standing, string ResponsiblePerson,
    bool IsRetired, IReadOnlyList<OccurrenceRow> Occurrences)
{
    public int OverdueCount => Occurrences.Count(o => o.IsOverdue);
}
