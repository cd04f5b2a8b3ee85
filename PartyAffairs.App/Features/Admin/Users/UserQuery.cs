namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>
/// One page of the user list: words looked for in the user name, the name and the organization's name; one role; only those
/// locked out now; sorted by a <see cref="UserRow"/> column (<see cref="UserRow.UserName"/> when null).
/// </summary>
public sealed record UserQuery(string? Search = null, string? Role = null, bool LockedOnly = false, string? SortBy = null, bool Descending = false,
    int Page = 0, int PageSize = UserQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;

    /// <summary>The most rows one page may ask for: a city's members are tens of thousands.</summary>
    public const int MaxPageSize = 100;
}

/// <summary>A page of users and how many match in all.</summary>
public sealed record UserListPage(IReadOnlyList<UserRow> Rows, int Total);
