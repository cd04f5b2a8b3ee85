using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// Feedback in from the board (§5(二)3): anyone on a Public item on display, anonymously if they wish; a signed-in
/// member on an internal item they may read. An item the visitor may not read is not found, as everywhere.
/// </summary>
public sealed class FeedbackSubmissionService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    FeedbackDeadlines deadlines,
    IValidator<FeedbackSubmission> validator)
{
    public Task<Result<FeedbackTarget>> GetTargetAsync(int disclosureId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.UtcNow;
            return await db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor))
                .Where(d => d.Id == disclosureId)
                .Select(d => new FeedbackTarget(d.Id, d.Title, d.Organization!.Name, d.Audience, d.DisplayFromUtc, d.DisplayUntilUtc,
                    DisclosureRules.IsOnDisplay(d.State, d.DisplayFromUtc, d.DisplayUntilUtc, now), actor.IsAuthenticated))
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
        });

    /// <summary>Stores the feedback and returns its id; nothing is stored when any rule says no.</summary>
    public Task<Result<int>> SubmitAsync(FeedbackSubmission submission, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () => (await StoreAsync(submission, null, cancellationToken)).Id);

    /// <summary>Stores feedback on an item and returns its id with its 查询码, which exists in clear only in this answer.</summary>
    public Task<Result<FeedbackReceipt>> SubmitTrackedAsync(FeedbackSubmission submission, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(() => StoreAsync(submission, null, cancellationToken));

    /// <summary>
    /// Stores mailbox feedback (意见箱: about no one item, of a <paramref name="kind"/>; <see cref="FeedbackSubmission.DisclosureId"/>
    /// is ignored) under the bureau's top organization, with the same checks as feedback on an item.
    /// </summary>
    public Task<Result<FeedbackReceipt>> SubmitToMailboxAsync(FeedbackKind kind, FeedbackSubmission submission, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(() => StoreAsync(submission, kind, cancellationToken));

    private async Task<FeedbackReceipt> StoreAsync(FeedbackSubmission submission, FeedbackKind? kind, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Disclosure? disclosure = null;
        var top = 0;
        if (kind is null)
        {
            disclosure = await db.Disclosures.Where(AccessPolicy.Sees(actor))
                .FirstOrDefaultAsync(d => d.Id == submission.DisclosureId, cancellationToken)
                ?? throw new NotFoundException();
        }
        else
        {
            top = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        }
        await Outcomes.ValidateAsync(validator, submission, cancellationToken);
        var now = clock.UtcNow;
        var due = await deadlines.DueAsync(FeedbackState.Received, now, cancellationToken);
        var feedback = disclosure is not null
            ? Feedback.Online(disclosure, submission.Content, submission.Anonymous, submission.Name, submission.Contact, actor, now, due)
            : Feedback.ToMailbox(top, kind!.Value, submission.Content, submission.Anonymous, submission.Name, submission.Contact, actor, now, due);
        var code = feedback.IssueTrackingCode();
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return new FeedbackReceipt(feedback.Id, code);
    }

    /// <summary>
    /// What the holder of a 查询码 may see of her feedback. A code that is malformed, too long or unknown is not found, all
    /// alike, so the answer says nothing about which codes exist. The code names no one: anyone holding it sees the same.
    /// </summary>
    public Task<Result<FeedbackTrackView>> TrackAsync(string? typedCode, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            if (TrackingCode.Normalize(typedCode) is not { } code) throw new NotFoundException();
            var hash = TrackingCode.Hash(code);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var f = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(x => x.TrackingCodeHash == hash, cancellationToken)
                ?? throw new NotFoundException();
            var title = f.DisclosureId is { } itemId
                ? await db.Disclosures.AsNoTracking().Where(d => d.Id == itemId).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken)
                : null;
            var steps = (await FeedbackTrail.ForAsync(db, [f.Id], cancellationToken))[f.Id].ToList();
            return new FeedbackTrackView(f.State, f.Kind, title, f.ReceivedAtUtc, steps, f.ResultIsPublic ? f.Resolution : null,
                f.IsAbusive ? null : f.SenderReply, f.IsAbusive ? null : f.SenderRepliedAtUtc, f.IsLate(clock.UtcNow));
        });
}
