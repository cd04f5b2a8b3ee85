using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>An item as the grid shows it, with the version an inline edit acts on.</summary>
public sealed record CatalogueItemRow(int Id, int Version, int OrganizationId, string OrganizationName, Category Category, string Title,
    string Description, Channel Channels, Audience Audience, Cadence Cadence, bool Standing, string ResponsiblePerson,
    bool IsRetired, IReadOnlyList<OccurrenceRow> Occurrences, IReadOnlyList<string>? PhaseNames = null)
{
    /// <summary>A phased line's phases, as the line names them (empty for any other cadence).</summary>
    public IReadOnlyList<string> Phases => PhaseNames ?? [];

    /// <summary>The line has a body template (正文模板) a draft starts from.</summary>
    public bool HasBodyTemplate { get; init; }

    public int OverdueCount => Occurrences.Count(o => o.IsOverdue);
}
