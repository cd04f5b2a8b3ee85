namespace PartyAffairs.App.Domain;

/// <summary>
/// Who is acting, as the services see them on each call: fresh roles, organization and posts, never a cached page-load copy.
/// <see cref="OrganizationId"/> is her own organization (所在党组织); <see cref="Roles"/> every role she holds in any post.
/// </summary>
public sealed record Actor(string UserId, string DisplayName, int? OrganizationId, IReadOnlySet<string> Roles)
{
    /// <summary>The application itself: scheduled publication and closing, seeding.</summary>
    public static readonly Actor System = new("system", "系统", null, new HashSet<string>());

    public static readonly Actor Anonymous = new("", "", null, new HashSet<string>());

    private readonly IReadOnlyList<Post>? posts;
    private readonly IReadOnlySet<int>? reaches;

    public bool IsAuthenticated => UserId.Length > 0;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>Office and Leaders see the whole bureau (DOMAIN.md "Permission rules").</summary>
    public bool SeesWholeBureau => IsInAnyRole(Domain.Roles.Office, Domain.Roles.Leader);

    /// <summary>
    /// Her posts: given by <see cref="Features.Shared.CurrentUser"/> (her own organization's and those she holds besides);
    /// when not given, built from <see cref="OrganizationId"/> and <see cref="Roles"/> by <see cref="Post.Of"/>.
    /// </summary>
    public IReadOnlyList<Post> Posts
    {
        get => posts ?? Post.Of(OrganizationId, Roles);
        init => posts = value;
    }

    /// <summary>The post she chose in the app bar to act in, when she holds several; null lets each action take its own.</summary>
    public Post? ActingPost { get; init; }

    /// <summary>Whether she holds one of these roles in this organization — the test for every right that stops at an organization's edge.</summary>
    public bool Holds(int organizationId, params string[] roles) =>
        Posts.Any(p => p.OrganizationId == organizationId && roles.Contains(p.Role));

    /// <summary>The organizations in which she holds one of these roles.</summary>
    public IReadOnlyList<int> OrganizationsWhere(params string[] roles) =>
        Posts.Where(p => p.OrganizationId is not null && roles.Contains(p.Role)).Select(p => p.OrganizationId!.Value).Distinct().ToList();

    /// <summary>The organizations she belongs to: her own and every one she holds a post in.</summary>
    public IReadOnlySet<int> Organizations =>
        Posts.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value)
            .Concat(OrganizationId is { } own ? [own] : [])
            .ToHashSet();

    /// <summary>
    /// The organizations whose Organization-audience (本组织) items reach her: those she belongs to and every one above them, for
    /// scope follows the tree (the 机关党委's own items reach the members of its branches). Set from the tree by
    /// <see cref="WithTree"/>; without it, the organizations she belongs to.
    /// </summary>
    public IReadOnlySet<int> ReachedBy
    {
        get => reaches ?? Organizations;
        init => reaches = value;
    }

    public bool BelongsTo(int organizationId) => Organizations.Contains(organizationId);

    /// <summary>This actor with <see cref="ReachedBy"/> read from the organization tree (each organization's parent).</summary>
    public Actor WithTree(IReadOnlyDictionary<int, int?> parentOf)
    {
        var reached = new HashSet<int>();
        foreach (var start in Organizations)
        {
            // A walk up the tree, guarded against a cycle the database should never hold.
            for (int? at = start; at is { } id && reached.Add(id);) at = parentOf.GetValueOrDefault(id);
        }
        return this with { ReachedBy = reached };
    }

    /// <summary>
    /// The post in which she does something to an organization's record (null: a bureau-wide record), as the record keeps it:
    /// the post she chose, if it is one that allows it (<paramref name="allowed"/>), else the first that does, her posts in that
    /// organization before her bureau-wide ones. Null when none allows it (the system, a visitor).
    /// </summary>
    public Post? PostFor(int? organizationId, Func<Post, bool>? allowed = null)
    {
        bool Fits(Post p) => (p.OrganizationId is null || p.OrganizationId == organizationId) && (allowed?.Invoke(p) ?? true);
        if (ActingPost is { } chosen && Posts.Contains(chosen) && Fits(chosen)) return chosen;
        return Posts.Where(p => p.OrganizationId is not null).FirstOrDefault(Fits) ?? Posts.FirstOrDefault(Fits);
    }
}
