namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>One thing found wrong: <see cref="Subject"/> is the archive number (or the package), <see cref="Item"/> the file or position concerned.</summary>
public sealed record ArchiveProblem(string Subject, ArchiveProblemKind Kind, string? Item = null);
