using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Shared;

/// <summary>The active organizations in the bureau's order, for filters: all of them, or only those a scoped person works in.</summary>
public static class OrganizationOptions
{
    public static async Task<IReadOnlyList<OrganizationOption>> ListAsync(AppDbContext db, IReadOnlyCollection<int>? only, CancellationToken cancellationToken)
    {
        var query = db.Organizations.AsNoTracking().Where(o => o.IsActive);
        if (only is not null) query = query.Where(o => only.Contains(o.Id));
        return await query.OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new OrganizationOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
    }
}
