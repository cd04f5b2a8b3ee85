using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Applications;

/// <summary>
/// Disclosure on application (依申请公开): received on /apply or registered by the Office from paper, assigned, extended once,
/// answered with one of four outcomes within the deadline in working days; each step checked against who may take it and
/// the version the person saw, validated here as in the form, and audited. The applicant follows it by its 查询码.
/// </summary>
public sealed class ApplicationService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    ApplicationDeadlines deadlines,
    IValidator<ApplicationSubmission> submissionValidator,
    IValidator<PaperApplicationRequest> paperValidator,
    IValidator<AssignApplicationRequest> assignValidator,
    IValidator<ExtendApplicationRequest> extendValidator,
    IValidator<AnswerApplicationRequest> answerValidator,
    IStringLocalizer<FeedbackStrings> text)
{
    /// <summary>The organizations one may apply to (the bureau's active ones), for the form.</summary>
    public Task<Result<IReadOnlyList<OrganizationOption>>> OrganizationsAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await OrganizationOptions.ListAsync(db, null, cancellationToken);
        });

    /// <summary>Stores an application made online and returns its 查询码; nothing is stored when any rule says no.</summary>
    public Task<Result<ApplicationReceipt>> SubmitAsync(ApplicationSubmission submission, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await Outcomes.ValidateAsync(submissionValidator, submission, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await EnsureActiveOrganizationAsync(db, submission.OrganizationId, cancellationToken);
            var now = clock.UtcNow;
            var application = DisclosureApplication.Online(submission.OrganizationId, submission.Scope, submission.Subject, submission.Purpose,
                submission.Name, submission.Contact, actor, now, await deadlines.DueOnAsync(clock.Today, cancellationToken));
            return await StoreAsync(db, application, cancellationToken);
        });

    /// <summary>The Office registers a letter, visit or call; the code goes back to the applicant with the Office's receipt.</summary>
    public Task<Result<ApplicationReceipt>> RegisterPaperAsync(PaperApplicationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(ApplicationAccess.IsOffice(actor));
            await Outcomes.ValidateAsync(paperValidator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await EnsureActiveOrganizationAsync(db, request.OrganizationId, cancellationToken);
            var now = clock.UtcNow;
            // A letter dated today reached the bureau now; an earlier one at the start of its day. The deadline runs from that day.
            var received = request.ReceivedOn == clock.Today ? now : clock.StartOfDayUtc(request.ReceivedOn);
            var application = DisclosureApplication.Paper(request.OrganizationId, request.Channel, request.Subject, request.Purpose, request.Name,
                request.Contact, received, actor, now, await deadlines.DueOnAsync(request.ReceivedOn, cancellationToken));
            return await StoreAsync(db, application, cancellationToken);
        });

    public Task<Result> AssignAsync(AssignApplicationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, application) = await StepAsync(db, request.ApplicationId, request.ExpectedVersion, a => ApplicationAccess.ActionsFor(a.Actor, a.Application).Assign, cancellationToken);
            await Outcomes.ValidateAsync(assignValidator, request, cancellationToken);
            var assignee = (await FeedbackAccess.AssigneesAsync(db, application.OrganizationId, cancellationToken)).FirstOrDefault(p => p.Id == request.AssigneeId)
                ?? throw Invalid(nameof(request.AssigneeId), "Validation.AssigneeCannotHandle");
            application.Assign(actor, clock.UtcNow, assignee.Id, assignee.Name);
            await db.SaveChangesAsync(cancellationToken);
        });

    public Task<Result> ExtendAsync(ExtendApplicationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, application) = await StepAsync(db, request.ApplicationId, request.ExpectedVersion, a => ApplicationAccess.IsOffice(a.Actor), cancellationToken);
            await Outcomes.ValidateAsync(extendValidator, request, cancellationToken);
            application.Extend(actor, clock.UtcNow, request.Reason, await deadlines.ExtendedAsync(application.DueOn, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>
    /// Answers the application. When the answer drafts a disclosure, the draft (out of catalogue, of the organization asked,
    /// in the audience the applicant may read) and the answer are saved in one transaction, and the draft's id is returned.
    /// </summary>
    public Task<Result<int?>> AnswerAsync(AnswerApplicationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (actor, application) = await StepAsync(db, request.ApplicationId, request.ExpectedVersion, a => ApplicationAccess.Handles(a.Actor, a.Application), cancellationToken);
            await Outcomes.ValidateAsync(answerValidator, request, cancellationToken);
            var now = clock.UtcNow;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Disclosure? linked = null;
            if (request.DisclosureId is { } disclosureId)
            {
                linked = await db.Disclosures.Where(AccessPolicy.Sees(actor)).FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken)
                    ?? throw Invalid(nameof(request.DisclosureId), "Validation.DisclosureRequired");
            }
            else if (request.DraftCategory is { } category)
            {
                linked = Disclosure.OutOfCatalogue(application.OrganizationId, category, DraftReason(application), Channel.Board,
                    application.SubmittedById is null ? Audience.Public : application.Scope, actor, now);
                db.Disclosures.Add(linked);
                await db.SaveChangesAsync(cancellationToken);
            }
            application.AnswerWith(actor, now, clock.Today, request.Outcome, request.Answer, request.Withheld, request.Refusal, request.RefusalText, linked);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return request.DraftCategory is not null ? linked?.Id : null;
        });

    /// <summary>
    /// What the holder of a 查询码 sees of her application: its state, the dates of each step, the due date and, once
    /// answered, the outcome, the answer and the disclosure it points to. Every wrong code is not found, all alike.
    /// </summary>
    public Task<Result<ApplicationTrackView>> TrackAsync(string? typedCode, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            if (TrackingCode.Normalize(typedCode) is not { } code) throw new NotFoundException();
            var hash = TrackingCode.Hash(code);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var id = await db.Applications.Where(a => a.TrackingCodeHash == hash).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            return await ApplicationViews.TrackAsync(db, id, clock.Today, cancellationToken);
        });

    private static async Task<ApplicationReceipt> StoreAsync(AppDbContext db, DisclosureApplication application, CancellationToken cancellationToken)
    {
        var code = application.IssueTrackingCode();
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return new ApplicationReceipt(application.Id, code);
    }

    private async Task EnsureActiveOrganizationAsync(AppDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.IsActive, cancellationToken))
            throw Invalid(nameof(ApplicationSubmission.OrganizationId), "Validation.OrganizationRequired");
    }

    private ValidationException Invalid(string property, string key) => new([new ValidationFailure(property, text[key])]);

    /// <summary>The drafted disclosure's out-of-catalogue reason names the application it answers.</summary>
    private static string DraftReason(DisclosureApplication application)
    {
        var subject = application.Subject.Length > 200 ? application.Subject[..200] + "…" : application.Subject;
        return $"依申请公开（第 {application.Id} 号申请）：{subject}";
    }

    /// <summary>The application, tracked, for a step: unseen is not found, seen but not allowed is forbidden, an old version is a conflict.</summary>
    private async Task<(Actor Actor, DisclosureApplication Application)> StepAsync(AppDbContext db, int id, int expectedVersion,
        Func<(Actor Actor, DisclosureApplication Application), bool> allowed, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !ApplicationAccess.Reads(actor, application)) throw new NotFoundException();
        AccessPolicy.Ensure(allowed((actor, application)));
        application.EnsureVersion(expectedVersion);
        return (actor, application);
    }
}
