namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>Who a user is to the app: their name, their organization and their roles. Also the base of <see cref="NewUserRequest"/>.</summary>
public class UserAccessRequest
{
    public string DisplayName { get; set; } = "";
    public int? OrganizationId { get; set; }
    public ISet<string> Roles { get; set; } = new HashSet<string>();

    /// <summary>The posts she holds in other organizations (兼任), e.g. member of the 机关党委 or drafter for a second branch.</summary>
    public List<PostRequest> Besides { get; set; } = [];
}
