namespace PartyAffairs.App.Domain;

/// <summary>
/// One run of the archive verifier (nightly, from the Office's page or the command line) and what it found,
/// so the dashboard can show the last result and nobody has to trust a run that left no trace.
/// </summary>
public sealed class ArchiveVerificationRun
{
    public long Id { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime FinishedAtUtc { get; private set; }
    /// <summary>Nightly, Page or CommandLine.</summary>
    public string Trigger { get; private set; } = "";
    public string? StartedById { get; private set; }
    public int RecordCount { get; private set; }
    public int FileCount { get; private set; }
    public int ProblemCount { get; private set; }
    /// <summary>The problems found, one per line (archive number, kind, detail), cut at a few thousand characters.</summary>
    public string Problems { get; private set; } = "";

    public const int ProblemsMaxLength = 4000;

    private ArchiveVerificationRun() { }

    public ArchiveVerificationRun(string trigger, string? startedById, DateTime startedAtUtc, DateTime finishedAtUtc,
        int recordCount, int fileCount, int problemCount, string problems)
    {
        Trigger = trigger;
        StartedById = startedById;
        StartedAtUtc = startedAtUtc;
        FinishedAtUtc = finishedAtUtc;
        RecordCount = recordCount;
        FileCount = fileCount;
        ProblemCount = problemCount;
        Problems = problems.Length <= ProblemsMaxLength ? problems : problems[..(ProblemsMaxLength - 1)] + "…";
    }

    public bool Passed => ProblemCount == 0;
}
