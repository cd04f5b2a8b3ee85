using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>A line of a member file that reads: the account it makes. <see cref="UserNameGenerated"/> when the file left 用户名 empty.</summary>
public sealed record MemberRow(
    string DisplayName,
    string UserName,
    bool UserNameGenerated,
    int OrganizationId,
    string OrganizationName,
    IReadOnlySet<string> Roles,
    string? Phone,
    MemberCategory? Category);
