using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Reads who is signed in from the authentication state (the cookie in static pages, the circuit's
/// principal in interactive ones), then their roles and organization from the database on every call.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IDbContextFactory<AppDbContext> dbFactory, BureauClock clock)
    : ICurrentUser
{
    public async Task<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return Actor.Anonymous;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.OrganizationId, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.LockoutEnd > clock.UtcNow) return Actor.Anonymous;

        var roles = await db.UserRoles
            .Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var name = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;
        return new Actor(user.Id, name, user.OrganizationId, roles.ToHashSet());
    }
}
