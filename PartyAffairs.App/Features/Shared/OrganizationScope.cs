namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Which organizations a chooser offers: every active one (<see cref="Only"/> null), or only these (the few a scoped person works in).
/// A bureau of two thousand organizations is offered by searching, never as a list held in the page.
/// </summary>
public sealed record OrganizationScope(IReadOnlyList<int>? Only)
{
    public static readonly OrganizationScope All = new((IReadOnlyList<int>?)null);

    public static readonly OrganizationScope None = new([]);

    public static OrganizationScope Of(IEnumerable<int> ids) => new(ids.Distinct().ToList());

    public bool IsEmpty => Only is { Count: 0 };

    /// <summary>More than one to choose from: a filter by organization is worth showing.</summary>
    public bool OffersSeveral => Only is not { Count: <= 1 };

    public bool Includes(int organizationId) => Only is null || Only.Contains(organizationId);

    /// <summary>The one organization a form may start on: the only one in scope, else none.</summary>
    public int? Single => Only is { Count: 1 } ? Only[0] : null;
}
