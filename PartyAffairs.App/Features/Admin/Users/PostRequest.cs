using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>A post held besides those of her own organization (兼任): a role in another organization.</summary>
public sealed class PostRequest
{
    public int? OrganizationId { get; set; }
    public string Role { get; set; } = Roles.Member;
}
