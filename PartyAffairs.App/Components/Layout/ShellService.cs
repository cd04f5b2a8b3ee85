using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Components.Layout;

/// <summary>Reads who is signed in for the shell, afresh on each call, so a removed role leaves the menu on the next navigation.</summary>
public sealed class ShellService(ICurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<ShellUser> GetAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.IsAuthenticated) return new ShellUser(actor, null, false);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == actor.UserId)
            .Select(u => new { OrganizationName = u.Organization != null ? u.Organization.Name : null, u.MustChangePassword })
            .FirstOrDefaultAsync(cancellationToken);
        return new ShellUser(actor, row?.OrganizationName, row?.MustChangePassword ?? false);
    }
}
