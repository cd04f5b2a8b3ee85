using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// An item as the printed board and the lobby screen show it: the whole content, already sanitized, with its audience
/// (internal items are labelled) and its disclosed feedback results. <see cref="Length"/> counts the characters a
/// reader goes through, which sets how long the lobby screen shows it.
/// </summary>
public sealed record BoardPrintItem(int Id, string Title, string OrganizationName, Category Category, bool Standing, Audience Audience,
    string ContentHtml, DateTime DisplayFromUtc, DateTime DisplayUntilUtc, IReadOnlyList<BoardResult> Results, int Length)
{
    public bool IsInternal => Audience != Audience.Public;
}
