namespace PartyAffairs.App.Features.Publishing.Lifecycle;

/// <summary>A version as a diff reads it, with the link to the one it revises.</summary>
public sealed record ComparedVersion(int? RevisesId, DisclosureText Text);
