using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// The leading-group office's members, read afresh: a Leader reviews the gated items one of them wrote
/// (<see cref="ReviewRoute"/>), since the Office may not approve its own.
/// </summary>
public static class OfficeMembers
{
    public static Task<List<string>> IdsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        InOffice(db).ToListAsync(cancellationToken);

    public static Task<bool> IncludesAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        InOffice(db).AnyAsync(id => id == userId, cancellationToken);

    private static IQueryable<string> InOffice(AppDbContext db) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Office
         select ur.UserId).Distinct();
}
