using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>The Office runs the verifier from its page; the Office and Leaders read the last run (the dashboard's card).</summary>
public sealed class ArchiveVerificationService(
    ArchiveVerificationRecorder recorder,
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    Outcomes outcomes)
{
    public Task<Result<ArchiveVerificationReport>> RunAsync(IProgress<ArchiveVerificationProgress>? progress, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.IsInRole(Roles.Office));
            return await recorder.RunAsync(ArchiveVerificationRecorder.Page, actor.UserId, progress, cancellationToken);
        });

    public Task<Result<LastVerification?>> LastAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.SeesWholeBureau);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.ArchiveVerificationRuns.AsNoTracking()
                .OrderByDescending(r => r.Id)
                .Select(r => new LastVerification(r.FinishedAtUtc, r.Trigger, r.RecordCount, r.FileCount, r.ProblemCount, r.Problems))
                .FirstOrDefaultAsync(cancellationToken);
        });
}
