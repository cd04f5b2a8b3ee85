using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// 我的反馈: the feedback the signed-in person gave under her own name, newest first, a page at a time. Anonymous feedback
/// keeps no sender, so it is never hers here (she follows it by its 查询码). Whose it is is decided here, in the query,
/// not by the page.
/// </summary>
public sealed class MyFeedbackService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes)
{
    public const int MaxPageSize = 50;

    public Task<Result<MyFeedbackList>> ListAsync(MyFeedbackQuery query, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.IsAuthenticated);
            var me = actor.UserId;
            var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
            var page = Math.Max(query.Page, 0);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var mine = db.Feedback.AsNoTracking().Where(f => f.SubmittedById == me);
            if (query.OpenOnly) mine = mine.Where(FeedbackRules.Open);
            var total = await mine.CountAsync(cancellationToken);
            var found = await mine
                .OrderByDescending(f => f.ReceivedAtUtc).ThenByDescending(f => f.Id)
                .Skip(page * pageSize).Take(pageSize)
                .Select(f => new { Feedback = f, ItemTitle = f.Disclosure != null ? f.Disclosure.Title : null })
                .ToListAsync(cancellationToken);
            var steps = await FeedbackTrail.ForAsync(db, found.Select(x => x.Feedback.Id).ToList(), cancellationToken);
            var now = clock.UtcNow;
            var rows = found.Select(x => Row(x.Feedback, x.ItemTitle, steps[x.Feedback.Id].ToList(), now)).ToList();
            return new MyFeedbackList(rows, total);
        });

    /// <summary>The same reading as /track: the result once disclosed, the reply unless the feedback was marked abusive.</summary>
    private static MyFeedbackRow Row(Feedback f, string? itemTitle, IReadOnlyList<FeedbackTrackStep> steps, DateTime now) =>
        new(f.Id, f.DisclosureId, itemTitle, f.Kind, f.ReceivedAtUtc, f.State, f.IsLate(now), steps,
            f.IsAbusive ? null : f.SenderReply, f.IsAbusive ? null : f.SenderRepliedAtUtc,
            f.ResultIsPublic ? f.Resolution : null, f.ResultIsPublic ? f.RedisclosureId : null);
}
