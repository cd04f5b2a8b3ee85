namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>A post she holds besides those of her own organization, as the list shows it.</summary>
public sealed record HeldPost(int OrganizationId, string OrganizationName, string Role);

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
    bool Disabled = false,
    IReadOnlyList<HeldPost>? Besides = null)
{
    public IReadOnlyList<HeldPost> PostsBesides => Besides ?? [];

    public bool IsLockedOut => LockedOutUntilUtc is not null;
}
