namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>One data row of a member file as the text of its cells, keyed by column; <see cref="RowNumber"/> is the line a person sees in Excel (the header is line 1).</summary>
public sealed record MemberCells(int RowNumber, string DisplayName, string UserName, string Organization, string Roles, string Phone, string Category)
{
    public static MemberCells From(int rowNumber, IReadOnlyDictionary<string, string> cells)
    {
        string Cell(string column) => cells.TryGetValue(column, out var value) ? value.Trim() : "";
        return new MemberCells(rowNumber, Cell(MemberFormat.DisplayName), Cell(MemberFormat.UserName), Cell(MemberFormat.Organization),
            Cell(MemberFormat.Roles), Cell(MemberFormat.Phone), Cell(MemberFormat.Category));
    }
}
