namespace PartyAffairs.App.Features.Board;

/// <summary>One item of the lobby screen's rotation; <see cref="Item"/> is null when nothing is on display.</summary>
public sealed record BoardScreenView(int? OrganizationId, string? OrganizationName, BoardPrintItem? Item, int Index, int Count)
{
    public int NextIndex => Count == 0 ? 0 : (Index + 1) % Count;
}
