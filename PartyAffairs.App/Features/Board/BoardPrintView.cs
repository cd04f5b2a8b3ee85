using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// The items on display of one organization for the printed board; with no organization chosen, only the
/// organizations that have something on display for the asker, to pick from.
/// </summary>
public sealed record BoardPrintView(int? OrganizationId, string? OrganizationName, IReadOnlyList<BoardPrintItem> Items,
    IReadOnlyList<OrganizationOption> Organizations);
