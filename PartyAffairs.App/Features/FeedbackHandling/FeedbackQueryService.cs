using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// Reads feedback for the person asking: the Office, Leaders and the feedback handler see all of it; anyone
/// else sees the feedback on their own organization's disclosures, and what they gave themselves.
/// </summary>
public sealed class FeedbackQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes)
{
    public Task<Result<FeedbackListView>> ListAsync(FeedbackFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            var seesAll = actor.SeesWholeBureau || actor.IsInRole(Roles.FeedbackHandler);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = db.Feedback.AsNoTracking();
            if (!seesAll)
            {
                var own = actor.OrganizationId ?? 0;
                var me = actor.UserId;
                query = query.Where(f => f.OrganizationId == own || f.SubmittedById == me);
            }
            if (filter.State is { } state) query = query.Where(f => f.State == state);
            if (filter.OrganizationId is { } organizationId) query = query.Where(f => f.OrganizationId == organizationId);
            // Late as Feedback.IsLate has it: not closed and past the deadline of the step it is in.
            var now = clock.UtcNow;
            if (filter.LateOnly) query = query.Where(f => f.State != FeedbackState.Closed && f.StepDueAtUtc != null && f.StepDueAtUtc < now);

            var rows = await query
                .OrderByDescending(f => f.ReceivedAtUtc).ThenByDescending(f => f.Id)
                .Select(f => new FeedbackRow(f.Id, f.DisclosureId, f.Disclosure!.Title,
                    db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                    f.State, f.Channel, f.ReceivedAtUtc, f.StepDueAtUtc,
                    f.State != FeedbackState.Closed && f.StepDueAtUtc != null && f.StepDueAtUtc < now))
                .ToListAsync(cancellationToken);
            var organizations = await OrganizationOptions.ListAsync(db, seesAll ? null : actor.OrganizationId ?? 0, cancellationToken);
            return new FeedbackListView(rows, organizations);
        });
}
