namespace PartyAffairs.App.Features.Board;

/// <summary>An item as the printed board and the lobby screen show it: the whole content, already sanitized.</summary>
public sealed record BoardPrintItem(int Id, string Title, string OrganizationName, PartyAffairs.App.Domain.Category Category, bool Standing,
    string ContentHtml, DateTime DisplayFromUtc, DateTime DisplayUntilUtc);
