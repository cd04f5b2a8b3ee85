using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// The items of one organization for the printed board; with no organization chosen, only the organizations that
/// have something to print for the asker, to pick from. <see cref="IncludesInternal"/> when a signed-in asker chose
/// internal items; the sheet then warns that it is not for a public wall if it holds any.
/// </summary>
public sealed record BoardPrintView(int? OrganizationId, string? OrganizationName, IReadOnlyList<BoardPrintItem> Items,
    IReadOnlyList<OrganizationOption> Organizations, bool IncludesInternal)
{
    public bool HoldsInternal => Items.Any(i => i.IsInternal);

    /// <summary>At scale, without an organization: a page of the organizations to choose from, instead of <see cref="Organizations"/>.</summary>
    public BoardDirectory? Directory { get; init; }
}
