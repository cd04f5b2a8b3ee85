namespace PartyAffairs.App.Domain;

/// <summary>
/// A post a person holds (职务): a role in an organization (支部书记 of 第一党支部, 委员 who drafts for 第二党支部, 党员 of the
/// 机关党委), or a bureau-wide role with no organization (the Office, a Leader, the feedback handler, the Admin). A person may
/// hold several (DOMAIN.md "Rules made precise": a person may hold several posts).
/// </summary>
public sealed record Post(string Role, int? OrganizationId)
{
    /// <summary>The form a post takes in a cookie, a setting or a form value: <c>Secretary@12</c>, <c>Office</c>.</summary>
    public string Key => OrganizationId is { } id ? $"{Role}@{id}" : Role;

    public static Post? Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var at = key.IndexOf('@');
        if (at < 0) return Roles.All.Contains(key) ? new Post(key, null) : null;
        var role = key[..at];
        return Roles.All.Contains(role) && int.TryParse(key[(at + 1)..], out var id) ? new Post(role, id) : null;
    }

    /// <summary>
    /// A person's posts from her organization and roles: each role of an organization (<see cref="Roles.OfOrganization"/>) held in
    /// her own organization, each other role bureau-wide; then the posts she holds besides (兼任), without repeats.
    /// </summary>
    public static IReadOnlyList<Post> Of(int? organizationId, IEnumerable<string> roles, IEnumerable<Post>? besides = null)
    {
        var posts = new List<Post>();
        foreach (var role in Roles.All.Where(roles.Contains))
        {
            if (!Roles.OfOrganization.Contains(role)) posts.Add(new Post(role, null));
            else if (organizationId is not null) posts.Add(new Post(role, organizationId));
        }
        foreach (var post in besides ?? [])
        {
            if (!posts.Contains(post)) posts.Add(post);
        }
        return posts;
    }
}
