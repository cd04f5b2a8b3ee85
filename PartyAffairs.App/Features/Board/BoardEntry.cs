using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Board;

/// <summary>One item on the board as a list shows it.</summary>
public sealed record BoardEntry(int Id, string Title, int OrganizationId, string OrganizationName, Category Category, bool Standing,
    int RevisionNumber, DateTime PublishedAtUtc, DateTime DisplayFromUtc, DateTime DisplayUntilUtc);
