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
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var disclosure = await db.Disclosures.Where(AccessPolicy.Sees(actor))
                .FirstOrDefaultAsync(d => d.Id == submission.DisclosureId, cancellationToken)
                ?? throw new NotFoundException();
            await Outcomes.ValidateAsync(validator, submission, cancellationToken);
            var now = clock.UtcNow;
            var due = await deadlines.DueAsync(FeedbackState.Received, now, cancellationToken);
            var feedback = Feedback.Online(disclosure, submission.Content, submission.Anonymous, submission.Name, submission.Contact,
                actor, now, due);
            db.Feedback.Add(feedback);
            await db.SaveChangesAsync(cancellationToken);
            return feedback.Id;
        });
}
