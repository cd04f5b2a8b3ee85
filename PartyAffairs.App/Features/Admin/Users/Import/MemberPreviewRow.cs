namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>A line of the file as read, and as an account when every cell of it is valid.</summary>
public sealed record MemberPreviewRow(MemberCells Cells, MemberRow? Row)
{
    public int RowNumber => Cells.RowNumber;
    public bool IsValid => Row is not null;

    /// <summary>The user name the account will have: the file's, or the generated one.</summary>
    public string UserName => Row?.UserName ?? Cells.UserName;

    public string RoleNames => Row is { } row ? MemberFormat.NamesOf(row.Roles) : Cells.Roles;
}
