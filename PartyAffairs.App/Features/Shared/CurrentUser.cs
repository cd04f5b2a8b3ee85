using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Reads who is signed in from the authentication state (the cookie in static pages, the circuit's
/// principal in interactive ones), then their roles, organization and posts from the database on every call, and the
/// organizations above those she belongs to (scope follows the tree).
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IDbContextFactory<AppDbContext> dbFactory)
    : ICurrentUser
{
    // One statement, compiled once, for the person and their roles (a row per role): it runs before every mutating call.
    private static readonly CompiledPerModel<Func<AppDbContext, string, IAsyncEnumerable<UserRoleRow>>> UserWithRoles = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.Users
            .Where(u => u.Id == userId)
            .SelectMany(
                u => db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).DefaultIfEmpty(),
                (u, role) => new UserRoleRow(u.Id, u.DisplayName, u.UserName, u.OrganizationId, u.Disabled, u.ActingPost, role))));

    private static readonly CompiledPerModel<Func<AppDbContext, string, IAsyncEnumerable<UserPost>>> PostsBesides = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.UserPosts.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Id).AsQueryable()));

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
        await foreach (var row in UserWithRoles.For(db)(db, userId).WithCancellation(cancellationToken))
        {
            user = row;
            if (row.Role is not null) roles.Add(row.Role);
        }
        // A lockout by wrong passwords is not checked here: anyone can cause one with five guesses, and it must not cut a
        // signed-in person's session. An account the Admin disabled is no one.
        if (user is null || user.Disabled) return Actor.Anonymous;

        // Her own organization's posts are her Identity roles; the posts she holds besides add their roles to her set.
        var besides = new List<Post>();
        await foreach (var post in PostsBesides.For(db)(db, userId).WithCancellation(cancellationToken)) besides.Add(new Post(post.Role, post.OrganizationId));
        var name = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;
        var actor = new Actor(user.Id, name, user.OrganizationId, roles.Concat(besides.Select(p => p.Role)).ToHashSet())
        {
            Posts = Post.Of(user.OrganizationId, roles, besides),
            ActingPost = Post.Parse(user.ActingPost),
        };
        return actor.Organizations.Count == 0 ? actor : actor.WithTree(await ParentsAsync(db, actor.Organizations, cancellationToken));
    }

    /// <summary>Each organization's parent, from these up to the root: a query per level of the tree (three in a bureau).</summary>
    private static async Task<Dictionary<int, int?>> ParentsAsync(AppDbContext db, IEnumerable<int> organizationIds, CancellationToken cancellationToken)
    {
        var parents = new Dictionary<int, int?>();
        var next = organizationIds.ToList();
        while (next.Count > 0)
        {
            var level = await db.Organizations.AsNoTracking().Where(o => next.Contains(o.Id))
                .Select(o => new { o.Id, o.ParentId }).ToListAsync(cancellationToken);
            foreach (var o in level) parents[o.Id] = o.ParentId;
            next = level.Where(o => o.ParentId is { } p && !parents.ContainsKey(p)).Select(o => o.ParentId!.Value).Distinct().ToList();
        }
        return parents;
    }

    private sealed record UserRoleRow(string Id, string DisplayName, string? UserName, int? OrganizationId, bool Disabled, string? ActingPost, string? Role);
}
