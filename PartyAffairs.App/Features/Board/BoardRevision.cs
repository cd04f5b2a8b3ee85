namespace PartyAffairs.App.Features.Board;

/// <summary>A disclosure in the chain of re-disclosures (再次公开) the asker may see, the item itself included.</summary>
public sealed record BoardRevision(int Id, int RevisionNumber, string Title, DateTime PublishedAtUtc, bool IsThisItem);
