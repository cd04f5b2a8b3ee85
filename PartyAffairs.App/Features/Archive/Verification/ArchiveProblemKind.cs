namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>What the verifier can find wrong; each has its own message in ArchiveStrings ("Verify.Problem.{Kind}").</summary>
public enum ArchiveProblemKind
{
    /// <summary>The row's content no longer gives its digest, or its columns disagree with its frozen content.</summary>
    ChangedRecord,
    /// <summary>Records are missing before this one: its position in the chain is not the next.</summary>
    ChainGap,
    /// <summary>Its previous digest is not the digest of the record before it.</summary>
    ChainLink,
    ChangedFile,
    MissingFile,
    UnexpectedFile,
    /// <summary>A package that is not a readable zip (truncated, not a zip at all).</summary>
    PackageUnreadable,
    /// <summary>A zip that lacks what a package holds (bagit.txt, the manifest, the record).</summary>
    PackageIncomplete,
}
