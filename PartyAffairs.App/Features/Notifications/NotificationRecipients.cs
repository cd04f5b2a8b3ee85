using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>Who holds a role, in the whole bureau or in one organization: the people a notification goes to.</summary>
public static class NotificationRecipients
{
    public static Task<List<string>> InRoleAsync(AppDbContext db, string role, int? organizationId, CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role && (organizationId == null || u.OrganizationId == organizationId)
         select u.Id)
        .Distinct()
        .ToListAsync(cancellationToken);
}
