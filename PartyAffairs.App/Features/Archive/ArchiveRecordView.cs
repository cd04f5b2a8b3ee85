namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// An archive record as its page shows it to its reader: the frozen snapshot with the chain's numbers, its feedback cut to what
/// the reader may read (<see cref="ResultsOnly"/>: the feedback shown by its disclosed result alone) and whether the
/// package may be downloaded.
/// </summary>
public sealed record ArchiveRecordView(int Id, string ArchiveNumber, long ChainIndex, string Digest, string? PreviousDigest, ArchiveSnapshot Snapshot,
    IReadOnlySet<int> ResultsOnly, bool MayDownloadPackage);
