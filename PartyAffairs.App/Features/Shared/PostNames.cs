using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Shared;

/// <summary>The recorded posts (<see cref="Post.Key"/> on approvals and audit entries) as people read them: 机关第一党支部·书记, 办公室.</summary>
public static class PostNames
{
    public static async Task<Func<string?, string?>> ForAsync(AppDbContext db, IEnumerable<string?> keys, IStringLocalizer<AdminStrings> roles,
        CancellationToken cancellationToken)
    {
        var posts = keys.Distinct().Select(Post.Parse).OfType<Post>().ToList();
        var ids = posts.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return key => Post.Parse(key) is not { } post ? null
            : post.OrganizationId is { } id ? $"{names.GetValueOrDefault(id)}·{roles[$"Role.{post.Role}"]}"
            : roles[$"Role.{post.Role}"].Value;
    }
}
