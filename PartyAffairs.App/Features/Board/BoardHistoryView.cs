using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Board;

/// <summary>What a visitor asked the history (or the board) for, read leniently from the query string: what does not parse is ignored.</summary>
public sealed record BoardFilter(string? Query, int? OrganizationId, Category? Category, int? Year, int Page)
{
    public static BoardFilter Parse(string? q, string? org, string? category, string? year, string? page) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        int.TryParse(org, out var o) && o > 0 ? o : null,
        int.TryParse(category, out var c) && Enum.IsDefined((Category)c) ? (Category)c : null,
        int.TryParse(year, out var y) && y is >= 2000 and <= 2100 ? y : null,
        int.TryParse(page, out var p) && p > 1 ? Math.Min(p, 10_000) : 1);
}

/// <summary>One page of past items (往期公开) the asker may see, newest first, with the choices of the filter form.</summary>
public sealed record BoardHistoryView(BoardFilter Filter, IReadOnlyList<BoardHistoryEntry> Items, int Total, int PageCount,
    IReadOnlyList<OrganizationOption> Organizations, IReadOnlyList<int> Years)
{
    /// <summary>False at scale (<see cref="BoardOptions.OrganizationsOnOnePage"/>): <see cref="Organizations"/> is empty and the form has no select of them.</summary>
    public bool ChoosesOrganization { get; init; } = true;
}

public sealed record BoardHistoryEntry(int Id, string Title, string OrganizationName, Category Category, int RevisionNumber,
    DateTime DisplayFromUtc, DateTime? EndedAtUtc, bool Superseded);
