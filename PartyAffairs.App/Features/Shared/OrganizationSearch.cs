using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Finds active organizations for a chooser in SQL: name or code containing the text, within a scope, in the bureau's order,
/// at most a handful at a time. Choosing is only a convenience: every service still checks the organization it is given.
/// </summary>
public sealed class OrganizationSearch(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>How many matches a chooser shows; a small bureau sees all of its organizations with the box empty.</summary>
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<OrganizationOption>> FindAsync(string? text, OrganizationScope scope, int max = MaxResults,
        CancellationToken cancellationToken = default)
    {
        if (scope.IsEmpty || max <= 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Organizations.AsNoTracking().Where(o => o.IsActive);
        if (scope.Only is { } only) query = query.Where(o => only.Contains(o.Id));
        if (scope.Except is { Count: > 0 } except) query = query.Where(o => !except.Contains(o.Id));
        var term = text?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var lower = term.ToLowerInvariant();
            query = query.Where(o => o.Name.Contains(term) || o.Code.ToLower().Contains(lower));
        }
        return await query.OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Take(max)
            .Select(o => new OrganizationOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The chosen organization's name, whatever its state (a filter may hold one since deactivated).</summary>
    public async Task<OrganizationOption?> GetAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new OrganizationOption(o.Id, o.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
