using Microsoft.AspNetCore.Identity;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data;

/// <summary>A person who signs in. She belongs to her own organization, where her roles are Identity roles; she may hold posts in others (<see cref="UserPost"/>).</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The person's name as colleagues know it (姓名), shown everywhere instead of the sign-in name.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>Set when the Admin issues a password the person must change at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// Set by the Admin to close the account (停用). Kept apart from Identity's lockout, which wrong passwords set: a
    /// lockout only refuses new sign-ins, while a disabled account also loses every session it already has.
    /// </summary>
    public bool Disabled { get; set; }

    /// <summary>正式 or 预备 party member, when known (set by the member import; null for accounts that are not members or were made by hand).</summary>
    public MemberCategory? MemberCategory { get; set; }

    /// <summary>The post she chose in the app bar to act in (<see cref="Post.Key"/>), when she holds several; null: each action takes its own.</summary>
    public string? ActingPost { get; set; }
}
