using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>Runs the verifier and keeps the run's result in the log the dashboard reads.</summary>
public sealed class ArchiveVerificationRecorder(
    ArchiveVerifier verifier,
    ArchiveProblemText problemText,
    IDbContextFactory<AppDbContext> dbFactory,
    BureauClock clock)
{
    public const string Nightly = "Nightly";
    public const string Page = "Page";

    public async Task<ArchiveVerificationReport> RunAsync(string trigger, string? startedById,
        IProgress<ArchiveVerificationProgress>? progress, CancellationToken cancellationToken)
    {
        var started = clock.UtcNow;
        var report = await verifier.VerifyAsync(progress, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ArchiveVerificationRuns.Add(new ArchiveVerificationRun(trigger, startedById, started, clock.UtcNow,
            report.RecordCount, report.FileCount, report.Problems.Count, string.Join('\n', report.Problems.Select(problemText.Describe))));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
