namespace PartyAffairs.App.Domain;

/// <summary>The role names stored in Identity; see DOMAIN.md "Who uses it".</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Leader = nameof(Leader);
    public const string Office = nameof(Office);
    public const string Secretary = nameof(Secretary);
    public const string Drafter = nameof(Drafter);
    public const string FeedbackHandler = nameof(FeedbackHandler);
    public const string Member = nameof(Member);

    public static readonly IReadOnlyList<string> All = [Admin, Leader, Office, Secretary, Drafter, FeedbackHandler, Member];

    /// <summary>Roles whose rights stop at the edge of their own organization.</summary>
    public static readonly IReadOnlyList<string> Scoped = [Secretary, Drafter];

    /// <summary>Roles held in an organization (a <see cref="Post"/> with an organization); the others are bureau-wide.</summary>
    public static readonly IReadOnlyList<string> OfOrganization = [Secretary, Drafter, Member];
}
