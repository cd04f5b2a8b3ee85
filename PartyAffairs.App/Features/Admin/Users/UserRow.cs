namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>One line of the Admin's user list.</summary>
public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    int? OrganizationId,
    string? OrganizationName,
    IReadOnlyList<string> Roles,
    DateTime? LockedOutUntilUtc,
    int AccessFailedCount,
    bool MustChangePassword,
    bool Disabled = false)
{
    public bool IsLockedOut => LockedOutUntilUtc is not null;
}
