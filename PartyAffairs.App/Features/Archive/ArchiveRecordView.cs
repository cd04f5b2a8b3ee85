namespace PartyAffairs.App.Features.Archive;

/// <summary>An archive record as its page shows it: the frozen snapshot with the chain's numbers.</summary>
public sealed record ArchiveRecordView(int Id, string ArchiveNumber, long ChainIndex, string Digest, string? PreviousDigest, ArchiveSnapshot Snapshot);
