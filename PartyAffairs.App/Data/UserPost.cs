namespace PartyAffairs.App.Data;

/// <summary>
/// A post a person holds besides those of her own organization (兼任): a role (<see cref="Domain.Roles.OfOrganization"/>) in
/// another organization, e.g. the secretary of a branch who is also a member of the 机关党委, or a drafter for two branches.
/// Her own organization's posts are her Identity roles there; <see cref="Domain.Post.Of"/> joins the two.
/// </summary>
public sealed class UserPost
{
    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public string Role { get; private set; } = "";

    private UserPost() { }

    public UserPost(string userId, int organizationId, string role)
    {
        UserId = userId;
        OrganizationId = organizationId;
        Role = role;
    }
}
