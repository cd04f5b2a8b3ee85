using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// The catalogue in force for a year as the asker may see it (<c>/board/catalogue/{year}</c>): the promise beside the
/// delivery. At scale, without a chosen organization, it holds no lines but the <see cref="Directory"/> to choose one from.
/// </summary>
public sealed record PublicCatalogueView(int Year, string Title, IReadOnlyList<PublicCatalogueOrganization> Organizations, IReadOnlyList<int> Years)
{
    /// <summary>The one organization whose lines these are, when one was chosen.</summary>
    public int? OrganizationId { get; init; }

    public BoardDirectory? Directory { get; init; }

    public int Count => Organizations.Sum(o => o.Categories.Sum(c => c.Lines.Count));
}

public sealed record PublicCatalogueOrganization(int OrganizationId, string OrganizationName, IReadOnlyList<PublicCatalogueCategory> Categories);

public sealed record PublicCatalogueCategory(Category Category, IReadOnlyList<PublicCatalogueLine> Lines);

/// <summary>One line; <paramref name="OnDisplay"/> is set for a standing (长期) line only: whether an item of it is on display now.</summary>
public sealed record PublicCatalogueLine(int Id, string Title, string Description, Channel Channels, Audience Audience, Cadence Cadence,
    bool Standing, bool? OnDisplay, IReadOnlyList<PublicOccurrence> Occurrences);

/// <summary>
/// One occurrence and what became of it; <paramref name="DisclosureId"/> only when the asker may open the disclosure that
/// fulfilled it, <paramref name="DisclosedOn"/> the bureau's day it was published.
/// </summary>
public sealed record PublicOccurrence(string Label, DateOnly DueDate, PublicOccurrenceStatus Status, int? DisclosureId, DateOnly? DisclosedOn);
