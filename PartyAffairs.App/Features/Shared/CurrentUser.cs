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
public sealed class CurrentUser(AuthenticationStateProvider authentication, IDbContextFactory<AppDbContext> dbFactory)
    : ICurrentUser
{
    // One statement, compiled once, for the person and their roles (a row per role): it runs before every mutating call.
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<UserRoleRow>> UserWithRoles = EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.Users
            .Where(u => u.Id == userId)
            .SelectMany(
                u => db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).DefaultIfEmpty(),
                (u, role) => new UserRoleRow(u.Id, u.DisplayName, u.UserName, u.OrganizationId, u.Disabled, role)));

    public async Task<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await SignedInUserIdAsync();
        if (userId is null) return Actor.Anonymous;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, userId, cancellationToken);
    }

    public async Task<Actor> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var userId = await SignedInUserIdAsync();
        return userId is null ? Actor.Anonymous : await ReadAsync(db, userId, cancellationToken);
    }

    private async Task<string?> SignedInUserIdAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<Actor> ReadAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        UserRoleRow? user = null;
        var roles = new HashSet<string>();
        await foreach (var row in UserWithRoles(db, userId).WithCancellation(cancellationToken))
        {
            user = row;
            if (row.Role is not null) roles.Add(row.Role);
        }
        // A lockout by wrong passwords is not checked here: anyone can cause one with five guesses, and it must not cut a
        // signed-in person's session. An account the Admin disabled is no one.
        if (user is null || user.Disabled) return Actor.Anonymous;

        var name = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;
        return new Actor(user.Id, name, user.OrganizationId, roles);
    }

    private sealed record UserRoleRow(string Id, string DisplayName, string? UserName, int? OrganizationId, bool Disabled, string? Role);
}
