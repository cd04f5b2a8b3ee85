namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>What a verification run checked and found; <see cref="HeadDigest"/> is the chain's last digest, worth noting outside the system.</summary>
public sealed record ArchiveVerificationReport(int RecordCount, int FileCount, string? HeadDigest, IReadOnlyList<ArchiveProblem> Problems)
{
    public bool Passed => Problems.Count == 0;
}
