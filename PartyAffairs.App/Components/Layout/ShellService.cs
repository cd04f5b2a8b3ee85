using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
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
        var ids = actor.Posts.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var posts = actor.Posts
            .Select(p => new PostChoice(p.Key, p.OrganizationId is { } id ? names.GetValueOrDefault(id) : null, p.Role))
            .ToList();
        return new ShellUser(actor, row?.OrganizationName, row?.MustChangePassword ?? false, posts);
    }

    /// <summary>
    /// Records the post she acts in from now on (null: let each action take the post that allows it). Only one of her own
    /// posts, read afresh, is accepted; anything else is refused, so a forged key changes nothing.
    /// </summary>
    public async Task<bool> ChooseAsync(string? postKey, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.IsAuthenticated) return false;
        var post = Post.Parse(postKey);
        if (postKey is not null && (post is null || !actor.Posts.Contains(post))) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == actor.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ActingPost, post == null ? null : post.Key), cancellationToken);
        return true;
    }
}
