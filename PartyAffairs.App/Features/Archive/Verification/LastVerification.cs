namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>The last recorded run, as the dashboard's card shows it.</summary>
public sealed record LastVerification(DateTime FinishedAtUtc, string Trigger, int RecordCount, int FileCount, int ProblemCount, string Problems)
{
    public bool Passed => ProblemCount == 0;
}
