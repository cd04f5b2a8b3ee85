namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Which organizations a chooser offers: every active one (<see cref="Only"/> null), or only these (the few a scoped person works in),
/// less any in <see cref="Except"/> (an organization's own subtree, when choosing where it may hang).
/// A bureau of two thousand organizations is offered by searching, never as a list held in the page.
/// </summary>
public sealed record OrganizationScope(IReadOnlyList<int>? Only)
{
    public static readonly OrganizationScope All = new((IReadOnlyList<int>?)null);

    public static readonly OrganizationScope None = new([]);

    public static OrganizationScope Of(IEnumerable<int> ids) => new(ids.Distinct().ToList());

    /// <summary>Never offered, whatever <see cref="Only"/> says.</summary>
    public IReadOnlyList<int> Except { get; init; } = [];

    /// <summary>This scope without <paramref name="ids"/>.</summary>
    public OrganizationScope Excluding(IEnumerable<int> ids) => this with { Except = Except.Concat(ids).Distinct().ToList() };

    public bool IsEmpty => Only is not null && Only.All(Except.Contains);

    /// <summary>More than one to choose from: a filter by organization is worth showing.</summary>
    public bool OffersSeveral => Only is null || Only.Count(id => !Except.Contains(id)) > 1;

    public bool Includes(int organizationId) => (Only is null || Only.Contains(organizationId)) && !Except.Contains(organizationId);

    /// <summary>The one organization a form may start on: the only one in scope, else none.</summary>
    public int? Single => Only?.Where(id => !Except.Contains(id)).ToList() is [var only] ? only : null;
}
