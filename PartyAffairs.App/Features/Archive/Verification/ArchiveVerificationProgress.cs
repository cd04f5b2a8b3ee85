namespace PartyAffairs.App.Features.Archive.Verification;

public sealed record ArchiveVerificationProgress(int Done, int Total);
