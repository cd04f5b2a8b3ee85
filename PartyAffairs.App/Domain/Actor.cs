namespace PartyAffairs.App.Domain;

/// <summary>Who is acting, as the services see them on each call: fresh roles and organization, never a cached page-load copy.</summary>
public sealed record Actor(string UserId, string DisplayName, int? OrganizationId, IReadOnlySet<string> Roles)
{
    /// <summary>The application itself: scheduled publication and closing, seeding.</summary>
    public static readonly Actor System = new("system", "系统", null, new HashSet<string>());

    public static readonly Actor Anonymous = new("", "", null, new HashSet<string>());

    public bool IsAuthenticated => UserId.Length > 0;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>Office and Leaders see the whole bureau (DOMAIN.md "Permission rules").</summary>
    public bool SeesWholeBureau => IsInAnyRole(Domain.Roles.Office, Domain.Roles.Leader);

    public bool BelongsTo(int organizationId) => OrganizationId == organizationId;
}
