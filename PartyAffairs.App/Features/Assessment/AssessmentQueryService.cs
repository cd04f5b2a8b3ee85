using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// Counts how each organization kept its catalogue and handled feedback in a year (§6(四)). The Office and
/// Leaders see every organization; a Secretary sees their own; nobody else assesses.
/// </summary>
public sealed class AssessmentQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes)
{
    public Task<Result<AssessmentView>> GetAsync(int year, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.SeesWholeBureau || (actor.IsInRole(Roles.Secretary) && actor.OrganizationId is not null));
            int? only = actor.SeesWholeBureau ? null : actor.OrganizationId;

            var today = clock.Today;
            var now = clock.UtcNow;
            var yearStartUtc = clock.StartOfDayUtc(new DateOnly(year, 1, 1));
            var yearEndUtc = clock.StartOfDayUtc(new DateOnly(year + 1, 1, 1));

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var organizations = await OrganizationOptions.ListAsync(db, only, cancellationToken);

            // Only an approved plan binds: a catalogue still in draft or under review has no due dates yet.
            var plans = db.Catalogues.Where(c => c.Year == year && (c.State == CatalogueState.Approved || c.State == CatalogueState.InForce)).Select(c => c.Id);
            var occurrences = db.CatalogueOccurrences.AsNoTracking()
                .Where(o => plans.Contains(o.CatalogueItem!.CatalogueId) && o.State != OccurrenceState.Cancelled && o.DueDate <= today)
                .Where(o => only == null || o.CatalogueItem!.OrganizationId == only);
            var due = await occurrences
                .Select(o => new { o.CatalogueItem!.OrganizationId, o.DueDate, o.State, o.FulfilledAtUtc })
                .ToListAsync(cancellationToken);

            var outOfCatalogue = db.Disclosures.AsNoTracking()
                .Where(d => d.OutOfCatalogueReason != null && d.PublishedAtUtc >= yearStartUtc && d.PublishedAtUtc < yearEndUtc)
                .Where(d => only == null || d.OrganizationId == only);
            var outOfCatalogueCounts = await outOfCatalogue
                .GroupBy(d => d.OrganizationId)
                .Select(g => new { OrganizationId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.OrganizationId, g => g.Count, cancellationToken);

            var feedback = db.Feedback.AsNoTracking()
                .Where(f => f.ReceivedAtUtc >= yearStartUtc && f.ReceivedAtUtc < yearEndUtc)
                .Where(f => only == null || f.OrganizationId == only);
            var received = await feedback
                .Select(f => new { f.OrganizationId, f.State, f.StepDueAtUtc })
                .ToListAsync(cancellationToken);

            var rows = organizations.Select(org =>
            {
                var mine = due.Where(o => o.OrganizationId == org.Id).ToList();
                bool FulfilledOnTime(DateTime? fulfilledAtUtc, DateOnly dueDate) =>
                    fulfilledAtUtc is { } at && DateOnly.FromDateTime(clock.ToLocal(at)) <= dueDate;
                var feedbackMine = received.Where(f => f.OrganizationId == org.Id).ToList();
                return new AssessmentRow(org.Id, org.Name,
                    Due: mine.Count,
                    OnTime: mine.Count(o => o.State == OccurrenceState.Fulfilled && FulfilledOnTime(o.FulfilledAtUtc, o.DueDate)),
                    Late: mine.Count(o => o.State == OccurrenceState.Fulfilled && !FulfilledOnTime(o.FulfilledAtUtc, o.DueDate)),
                    OverdueOpen: mine.Count(o => o.State == OccurrenceState.Open && o.DueDate < today),
                    OutOfCatalogue: outOfCatalogueCounts.GetValueOrDefault(org.Id),
                    FeedbackReceived: feedbackMine.Count,
                    FeedbackClosed: feedbackMine.Count(f => f.State == FeedbackState.Closed),
                    FeedbackLate: feedbackMine.Count(f => f.State != FeedbackState.Closed && f.StepDueAtUtc is { } stepDue && now > stepDue));
            }).ToList();
            return new AssessmentView(year, today, rows);
        });
}
