using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Who holds a post, as a query the database runs: a role in her own organization (an Identity role and the user's
/// organization) or a post held besides (<see cref="UserPost"/>). Notifications, assignees and owners go through here, so a
/// person with two posts is reached in both.
/// </summary>
public static class PostHolders
{
    /// <summary>The ids of those who hold <paramref name="role"/> in the organization (in any organization when null).</summary>
    public static IQueryable<string> Of(AppDbContext db, string role, int? organizationId) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role && (organizationId == null || u.OrganizationId == organizationId)
         select u.Id)
        .Union(db.UserPosts.Where(p => p.Role == role && (organizationId == null || p.OrganizationId == organizationId)).Select(p => p.UserId));

    /// <summary>The ids of those who belong to the organization: it is their own, or they hold a post in it.</summary>
    public static IQueryable<string> In(AppDbContext db, int organizationId) =>
        db.Users.Where(u => u.OrganizationId == organizationId).Select(u => u.Id)
            .Union(db.UserPosts.Where(p => p.OrganizationId == organizationId).Select(p => p.UserId));
}
