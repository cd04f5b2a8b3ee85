namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>A new user: the sign-in name (fixed once created) and everything a <see cref="UserAccessRequest"/> sets.</summary>
public sealed class NewUserRequest : UserAccessRequest
{
    public string UserName { get; set; } = "";
}
