using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// The board as the asker may see it, optionally narrowed by a search, an organization and a category. Below the
/// threshold (<see cref="BoardOptions.OrganizationsOnOnePage"/>) it holds every item, grouped; at scale
/// (<see cref="AtScale"/>) one page of them: an organization's items grouped (<see cref="Organizations"/>), search
/// results newest first (<see cref="Results"/>), or the front page: the <see cref="Directory"/> and the newest items.
/// </summary>
public sealed record BoardView(string? Query, IReadOnlyList<BoardOrganizationGroup> Organizations, int? OrganizationId = null,
    Category? Category = null, IReadOnlyList<OrganizationOption>? OrganizationChoices = null)
{
    public int Count => Organizations.Sum(o => o.Count);

    public bool AtScale { get; init; }

    /// <summary>The chosen organization's name at scale; null when it does not exist.</summary>
    public string? OrganizationName { get; init; }

    /// <summary>At scale: the items that match on every page, and this page of them.</summary>
    public int Total { get; init; }
    public int Page { get; init; } = 1;
    public int PageCount { get; init; } = 1;

    /// <summary>At scale: search results newest first, or on the front page the newest items.</summary>
    public IReadOnlyList<BoardEntry> Results { get; init; } = [];

    /// <summary>At scale, on the front page: the organizations to choose from.</summary>
    public BoardDirectory? Directory { get; init; }

    public bool IsFrontPage => AtScale && Directory is not null;
}
