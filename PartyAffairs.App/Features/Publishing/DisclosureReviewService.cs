using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// Submission and review of disclosures (§5(二)2). Every call reads the person's roles afresh, checks
/// the rule in <see cref="ReviewRoute"/>, compares the version the person saw, lets the entity guard
/// the transition and saves — or changes nothing and says why.
/// </summary>
public sealed class DisclosureReviewService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    SettingsService settings,
    ReviewRoutes reviewRoutes,
    BureauClock clock,
    Outcomes outcomes)
{
    // Compiled once: the review path runs it on every decision.
    private static readonly CompiledPerModel<Func<AppDbContext, int, CancellationToken, Task<Disclosure?>>> ForReview = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int disclosureId, CancellationToken _) =>
            db.Disclosures.Include(d => d.CatalogueOccurrence).ThenInclude(o => o!.CatalogueItem).FirstOrDefault(d => d.Id == disclosureId)));

    public Task<Result> SubmitAsync(int disclosureId, int expectedVersion, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var current = await settings.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var disclosure = await LoadAsync(db, disclosureId, cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, disclosure.OrganizationId), "Access.NotYourOrganization");
            disclosure.EnsureVersion(expectedVersion);
            disclosure.Submit(actor, clock.UtcNow, SensitiveWords.InDraft(current.SensitiveWords, disclosure.Title, disclosure.Body), current.DisplayRules);
            await db.SaveChangesAsync(cancellationToken);
        });

    public Task<Result> ApproveAsync(int disclosureId, int expectedVersion, bool confidentialityConfirmed, string? comment,
        CancellationToken cancellationToken = default) =>
        ReviewAsync(disclosureId, expectedVersion, async (db, d, actor, now) =>
        {
            d.Approve(actor, now, confidentialityConfirmed, comment);
            // The schedule runs once a minute; an item whose start has already come goes up with the approval itself.
            if (DisclosureRules.IsDueToPublish(d, now)) d.Publish(Actor.System, now, await DisplaySchedule.CorrectedAsync(db, d, cancellationToken));
        }, cancellationToken);

    public Task<Result> RejectAsync(int disclosureId, int expectedVersion, string comment, CancellationToken cancellationToken = default) =>
        ReviewAsync(disclosureId, expectedVersion, (_, d, actor, now) =>
        {
            d.Reject(actor, now, comment);
            return Task.CompletedTask;
        }, cancellationToken);

    private Task<Result> ReviewAsync(int disclosureId, int expectedVersion, Func<AppDbContext, Disclosure, Actor, DateTime, Task> decide,
        CancellationToken cancellationToken) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // One connection for the whole decision: who asks, the read and the write. A decision only adds an approval row,
            // so the item's versions and earlier approvals stay unread; the occurrence comes along, as publishing at once fulfils it.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var route = await reviewRoutes.CurrentAsync(cancellationToken);
            var disclosure = await ForReview.For(db)(db, disclosureId, cancellationToken) ?? throw new NotFoundException();
            var actor = await ReviewAccess.EnsureAsync(db, await currentUser.GetAsync(db, cancellationToken), disclosure, route, cancellationToken);
            disclosure.EnsureVersion(expectedVersion);
            await decide(db, disclosure, actor, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        });

    private static async Task<Disclosure> LoadAsync(AppDbContext db, int disclosureId, CancellationToken cancellationToken) =>
        await db.Disclosures
            .Include(d => d.Versions)
            .Include(d => d.Approvals)
            .Include(d => d.CatalogueOccurrence)
            .FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken)
        ?? throw new NotFoundException();
}
