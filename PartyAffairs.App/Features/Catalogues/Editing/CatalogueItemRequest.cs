using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>What a person enters for a catalogue item, in the draft and in an amendment. Phases are one per line.</summary>
public sealed class CatalogueItemRequest
{
    public int? OrganizationId { get; set; }
    public Category Category { get; set; } = Category.OrganizationalBuilding;
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public Channel Channels { get; set; } = Channel.Board;
    public Audience Audience { get; set; } = Audience.AllMembers;
    public Cadence Cadence { get; set; } = Cadence.Yearly;
    public bool Standing { get; set; }
    /// <summary>A catch-all line (兜底事项), marked by the Office: what is recorded on it goes to the Office for review.</summary>
    public bool IsCatchAll { get; set; }
    public string ResponsiblePerson { get; set; } = "";
    public string Phases { get; set; } = "";

    public IReadOnlyList<string> PhaseList() =>
        Phases.Split(['\n', '\r', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static CatalogueItemRequest From(CatalogueItem item) => new()
    {
        OrganizationId = item.OrganizationId,
        Category = item.Category,
        Title = item.Title,
        Description = item.Description,
        Channels = item.Channels,
        Audience = item.Audience,
        Cadence = item.Cadence,
        Standing = item.Standing,
        IsCatchAll = item.IsCatchAll,
        ResponsiblePerson = item.ResponsiblePerson,
        Phases = string.Join('\n', item.Phases),
    };

    /// <summary>The item entered; <paramref name="catchAll"/> is the mark only the Office sets.</summary>
    public CatalogueItem ToItem(bool catchAll = false)
    {
        var item = new CatalogueItem(OrganizationId ?? 0, Category, Title, Description, Channels, Audience, Cadence, Standing,
            ResponsiblePerson, PhaseList());
        item.MarkCatchAll(catchAll);
        return item;
    }

    public CatalogueRow ToRow(string organizationName) => new(organizationName, Category, Title.Trim(), Description.Trim(), Channels,
        Audience, Cadence, Standing, ResponsiblePerson.Trim(), Cadence == Cadence.Phased ? PhaseList() : []);
}
