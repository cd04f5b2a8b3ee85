using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Publishing.Lifecycle;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// Feedback handled (§5(二)3): registered offline, assigned, answered, reported to the leader in charge, acknowledged
/// (which discloses the result), closed — or marked abusive. Each step is checked against who may take it and the version
/// the person saw, and sets the next step's deadline in working days from the settings.
/// </summary>
public sealed class FeedbackHandlingService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    FeedbackDeadlines deadlines,
    WorkingDayService workingDays,
    DisclosureLifecycleService lifecycle,
    IValidator<OfflineFeedbackRequest> offlineValidator,
    IValidator<AssignFeedbackRequest> assignValidator,
    IValidator<AnswerFeedbackRequest> answerValidator,
    IValidator<ReportFeedbackRequest> reportValidator,
    IValidator<FeedbackNoteRequest> noteValidator,
    IValidator<FeedbackReasonRequest> reasonValidator,
    IValidator<FeedbackReplyRequest> replyValidator,
    IStringLocalizer<FeedbackStrings> text)
{
    /// <summary>Registers feedback that came by letter, phone, visit, meeting or the mailbox; returns its id.</summary>
    public Task<Result<int>> RegisterOfflineAsync(OfflineFeedbackRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var disclosure = await db.Disclosures.Where(AccessPolicy.Sees(actor))
                .FirstOrDefaultAsync(d => d.Id == request.DisclosureId, cancellationToken) ?? throw new NotFoundException();
            AccessPolicy.Ensure(AccessPolicy.CanHandleFeedback(actor, disclosure.OrganizationId), "Access.NotYourOrganization");
            await Outcomes.ValidateAsync(offlineValidator, request, cancellationToken);
            if (disclosure.State is not (DisclosureState.Published or DisclosureState.Closed)) Refuse("DisclosureId", "Validation.NotPublished");
            var now = clock.UtcNow;
            // A letter dated today reached the bureau now; an earlier one at the start of its day.
            var received = request.ReceivedOn == clock.Today ? now : clock.StartOfDayUtc(request.ReceivedOn);
            var feedback = Feedback.Offline(disclosure, request.Channel, request.Content, request.Name, request.Contact, received, actor, now,
                await deadlines.DueAsync(FeedbackState.Received, now, cancellationToken));
            db.Feedback.Add(feedback);
            await db.SaveChangesAsync(cancellationToken);
            return feedback.Id;
        });

    public Task<Result> AssignAsync(AssignFeedbackRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, feedback) = await HandlerStepAsync(db, request.FeedbackId, request.ExpectedVersion, cancellationToken);
            await Outcomes.ValidateAsync(assignValidator, request, cancellationToken);
            var assignee = (await FeedbackAccess.AssigneesAsync(db, feedback.OrganizationId, cancellationToken))
                .FirstOrDefault(p => p.Id == request.AssigneeId);
            if (assignee is null) Refuse(nameof(request.AssigneeId), "Validation.AssigneeCannotHandle");
            var now = clock.UtcNow;
            feedback.Assign(actor, now, assignee.Id, assignee.Name, await deadlines.DueAsync(FeedbackState.Assigned, now, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        });

    public Task<Result> AnswerAsync(AnswerFeedbackRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, feedback) = await HandlerStepAsync(db, request.FeedbackId, request.ExpectedVersion, cancellationToken);
            await Outcomes.ValidateAsync(answerValidator, request, cancellationToken);
            var now = clock.UtcNow;
            feedback.AnswerWith(actor, now, request.Answer, await deadlines.DueAsync(FeedbackState.Answered, now, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Reports the answered feedback to a leader, with the result to disclose and an optional anonymised summary.</summary>
    public Task<Result> ReportAsync(ReportFeedbackRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, feedback) = await HandlerStepAsync(db, request.FeedbackId, request.ExpectedVersion, cancellationToken);
            await Outcomes.ValidateAsync(reportValidator, request, cancellationToken);
            var leader = (await FeedbackAccess.LeadersAsync(db, clock.Today, cancellationToken)).FirstOrDefault(p => p.Id == request.LeaderId);
            if (leader is null) Refuse(nameof(request.LeaderId), "Validation.NotALeader");
            var now = clock.UtcNow;
            feedback.ReportTo(actor, now, leader.Id, leader.Name, request.Resolution, request.PublicSummary,
                await deadlines.DueAsync(FeedbackState.Reported, now, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Only the leader it was reported to acknowledges; from then on the result shows with the item.</summary>
    public Task<Result> AcknowledgeAsync(FeedbackNoteRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var feedback = await ReadableAsync(db, actor, request.FeedbackId, cancellationToken);
            AccessPolicy.Ensure(FeedbackAccess.IsReportedTo(actor, feedback), "Feedback.NotReportedToYou");
            feedback.EnsureVersion(request.ExpectedVersion);
            await Outcomes.ValidateAsync(noteValidator, request, cancellationToken);
            var now = clock.UtcNow;
            feedback.Acknowledge(actor, now, await deadlines.DueAsync(FeedbackState.ResultDisclosed, now, cancellationToken),
                await workingDays.GetCalendarAsync(cancellationToken), clock.Zone, request.Note);
            await db.SaveChangesAsync(cancellationToken);
        });

    public Task<Result> CloseAsync(FeedbackNoteRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, feedback) = await HandlerStepAsync(db, request.FeedbackId, request.ExpectedVersion, cancellationToken);
            await Outcomes.ValidateAsync(noteValidator, request, cancellationToken);
            feedback.Close(actor, clock.UtcNow, request.Note);
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>The handler's reply to the sender, which only the tracking page (/track, by 查询码) shows; audited.</summary>
    public Task<Result> ReplyToSenderAsync(FeedbackReplyRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, feedback) = await HandlerStepAsync(db, request.FeedbackId, request.ExpectedVersion, cancellationToken);
            await Outcomes.ValidateAsync(replyValidator, request, cancellationToken);
            feedback.ReplyToSender(actor, clock.UtcNow, request.Reply);
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Abusive or spam: closed where it stands, kept and counted, never shown.</summary>
    public Task<Result> MarkAbusiveAsync(FeedbackReasonRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, feedback) = await HandlerStepAsync(db, request.FeedbackId, request.ExpectedVersion, cancellationToken);
            await Outcomes.ValidateAsync(reasonValidator, request, cancellationToken);
            feedback.MarkAbusive(actor, clock.UtcNow, request.Reason);
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>
    /// Opens the re-disclosure draft of the feedback's item (the same revision any re-disclosure is) and links it to the
    /// feedback, in one transaction: a refusal or a conflict leaves no orphan draft. Whoever handles the feedback may
    /// open it; the organization's drafters then write and submit it as usual. Returns the draft's id.
    /// </summary>
    public Task<Result<int>> StartRedisclosureAsync(FeedbackReasonRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, feedback) = await HandlerStepAsync(db, request.FeedbackId, request.ExpectedVersion, cancellationToken);
            await Outcomes.ValidateAsync(reasonValidator, request, cancellationToken);
            if (!FeedbackAccess.ActionsFor(actor, feedback).StartRedisclosure)
                throw new DomainRuleException(feedback.RedisclosureId is null ? "Feedback.NotHandledYet" : "Feedback.RedisclosureStarted");
            var original = await db.Disclosures.FirstAsync(d => d.Id == feedback.DisclosureId!.Value, cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var revision = await lifecycle.OpenRevisionAsync(db, actor, original, request.Reason, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            DisclosureLifecycleService.RelinkImages(original, revision);
            feedback.StartRedisclosure(actor, clock.UtcNow, revision);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return revision.Id;
        });

    /// <summary>The feedback, tracked, for a step only its handlers take: unseen is not found, seen but not handled is forbidden.</summary>
    private async Task<(Actor Actor, Feedback Feedback)> HandlerStepAsync(AppDbContext db, int feedbackId, int expectedVersion,
        CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        var feedback = await ReadableAsync(db, actor, feedbackId, cancellationToken);
        AccessPolicy.Ensure(FeedbackAccess.Handles(actor, feedback), "Access.NotYourOrganization");
        feedback.EnsureVersion(expectedVersion);
        return (actor, feedback);
    }

    private static async Task<Feedback> ReadableAsync(AppDbContext db, Actor actor, int feedbackId, CancellationToken cancellationToken)
    {
        var feedback = await db.Feedback.FirstOrDefaultAsync(f => f.Id == feedbackId, cancellationToken);
        if (feedback is null || !await FeedbackAccess.MayReadAsync(db, actor, feedback, cancellationToken)) throw new NotFoundException();
        return feedback;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Refuse(string property, string key) => throw new ValidationException([new ValidationFailure(property, text[key])]);
}
