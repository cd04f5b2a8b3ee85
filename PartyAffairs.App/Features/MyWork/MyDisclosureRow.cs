namespace PartyAffairs.App.Features.MyWork;

/// <summary>A disclosure of mine still in my hands: a draft, or one a reviewer returned with a comment.</summary>
public sealed record MyDisclosureRow(int Id, string Title, DateTime LastSavedAtUtc, string? ReviewComment);
