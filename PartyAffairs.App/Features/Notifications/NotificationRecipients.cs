using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>Who holds a role, in the whole bureau or in one organization: the people a notification goes to.</summary>
public static class NotificationRecipients
{
    public static Task<List<string>> InRoleAsync(AppDbContext db, string role, int? organizationId, CancellationToken cancellationToken) =>
        PostHolders.Of(db, role, organizationId).Distinct().ToListAsync(cancellationToken);
}
