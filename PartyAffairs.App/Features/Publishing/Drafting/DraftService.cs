using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// Starting, autosaving and checking drafts (§5(二)2). Autosave compares the version the page last saved, so
/// a second tab never silently overwrites the first: the stale one gets Conflict and keeps its text on screen.
/// Submission itself is <see cref="DisclosureReviewService.SubmitAsync"/>.
/// </summary>
public sealed class DraftService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    SettingsService settings,
    ReviewRoutes reviewRoutes,
    BureauClock clock,
    Outcomes outcomes,
    IValidator<DraftRequest> validator,
    IStringLocalizer<Strings> rules,
    IStringLocalizer<DraftStrings> text)
{
    public Task<Result<NewDraftChoices>> ChoicesAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var wholeBureau = actor.IsInRole(Roles.Office);
            var work = AccessPolicy.WorkOrganizations(actor);
            AccessPolicy.Ensure(wholeBureau || work.Count > 0);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await OpenOccurrencesAsync(db, wholeBureau, work, null, null, OrganizationSearch.MaxResults, cancellationToken);
            var organizations = wholeBureau ? OrganizationScope.All : OrganizationScope.Of(work);
            var acting = actor.ActingPost?.OrganizationId is { } chosen && organizations.Includes(chosen) ? chosen : (int?)null;
            return new NewDraftChoices(rows, organizations, acting);
        });

    /// <summary>
    /// The open occurrences she may start a draft from whose item or organization contains the text (or the one asked for by id),
    /// soonest due first, at most <paramref name="max"/>: the Office of a city has tens of thousands open.
    /// </summary>
    public Task<Result<IReadOnlyList<OpenOccurrenceOption>>> FindOpenOccurrencesAsync(string? text, int max, int? id = null,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var wholeBureau = actor.IsInRole(Roles.Office);
            var work = AccessPolicy.WorkOrganizations(actor);
            AccessPolicy.Ensure(wholeBureau || work.Count > 0);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await OpenOccurrencesAsync(db, wholeBureau, work, text?.Trim(), id, Math.Clamp(max, 1, 100), cancellationToken);
        });

    private static async Task<IReadOnlyList<OpenOccurrenceOption>> OpenOccurrencesAsync(AppDbContext db, bool wholeBureau, IReadOnlyList<int> work,
        string? text, int? id, int max, CancellationToken cancellationToken)
    {
        var inForce = db.Catalogues.Where(c => c.State == CatalogueState.InForce).Select(c => c.Id);
        var open = db.Set<CatalogueOccurrence>().AsNoTracking()
            .Where(o => o.State == OccurrenceState.Open && !o.CatalogueItem!.IsRetired && inForce.Contains(o.CatalogueItem.CatalogueId)
                && (wholeBureau || work.Contains(o.CatalogueItem.OrganizationId)));
        if (id is { } wanted) open = open.Where(o => o.Id == wanted);
        if (!string.IsNullOrEmpty(text))
            open = open.Where(o => o.CatalogueItem!.Title.Contains(text) || o.CatalogueItem.Organization!.Name.Contains(text));
        return await open.OrderBy(o => o.DueDate).ThenBy(o => o.CatalogueItem!.Title).ThenBy(o => o.Id).Take(max)
            .Select(o => new OpenOccurrenceOption(o.Id, o.CatalogueItem!.Organization!.Name, o.CatalogueItem.Title, o.Label, o.DueDate))
            .ToListAsync(cancellationToken);
    }

    public Task<Result<int>> StartAsync(int occurrenceId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var occurrence = await db.Set<CatalogueOccurrence>().Include(o => o.CatalogueItem)
                .FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken) ?? throw new NotFoundException();
            var item = occurrence.CatalogueItem!;
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, item.OrganizationId), "Access.NotYourOrganization");
            // 开始起草 twice (a second tab, a reminder clicked again) opens the draft already under way instead of a rival one.
            var existing = await db.Disclosures.AsNoTracking()
                .Where(d => d.CatalogueOccurrenceId == occurrenceId).Where(DisclosureRules.Editable)
                .OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } draftUnderWay) return draftUnderWay;
            var catalogueInForce = await db.Catalogues.AnyAsync(c => c.Id == item.CatalogueId && c.State == CatalogueState.InForce, cancellationToken);
            if (!catalogueInForce || item.IsRetired) throw Refusal(text["Draft.CatalogueNotInForce"]);
            var draft = Disclosure.ForOccurrence(occurrence, item, actor, clock.UtcNow);
            db.Disclosures.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            return draft.Id;
        });

    public Task<Result<int>> StartOutOfCatalogueAsync(int organizationId, Category category, string reason,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, organizationId), "Access.NotYourOrganization");
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken)) throw new NotFoundException();
            if (!Enum.IsDefined(category)) throw Refusal(text["Draft.CategoryRequired"]);
            // Out-of-catalogue items are rarer and reviewed by the Office: a board notice to the organization is the safe default.
            var draft = Disclosure.OutOfCatalogue(organizationId, category, reason, Channel.Board, Audience.Organization, actor, clock.UtcNow);
            db.Disclosures.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            return draft.Id;
        });

    public Task<Result<DraftView>> GetAsync(int id, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var route = await reviewRoutes.CurrentAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var d = await db.Disclosures.AsNoTracking()
                .Include(x => x.Organization)
                .Include(x => x.CatalogueOccurrence).ThenInclude(o => o!.CatalogueItem)
                .FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new NotFoundException();
            var canDraft = AccessPolicy.CanDraftFor(actor, d.OrganizationId);
            var canReview = await ReviewAccess.AllowsAsync(db, actor, d, route, cancellationToken);
            AccessPolicy.Ensure(canDraft || canReview, "Access.NotYourOrganization");
            return new DraftView(d.Id, d.Version, d.Organization?.Name ?? "", d.Category, d.State,
                d.CatalogueOccurrence?.CatalogueItem?.Title, d.CatalogueOccurrence?.Label, d.OutOfCatalogueReason, d.ReviewComment,
                d.Title, d.Body, d.Channels, d.Audience, d.DisplayFromUtc, d.DisplayUntilUtc, d.Important, d.LastSavedAtUtc,
                canDraft && d.IsEditable, canReview && d.IsEditable, d.SensitiveOverrideWords, d.SensitiveOverrideReason);
        });

    public Task<Result<DraftSaved>> SaveAsync(int id, int expectedVersion, DraftRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            var words = (await settings.GetAsync(cancellationToken)).SensitiveWords;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var draft = await db.Disclosures.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException();
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, draft.OrganizationId), "Access.NotYourOrganization");
            draft.EnsureVersion(expectedVersion);
            var now = clock.UtcNow;
            var before = (draft.Title, Blocking: draft.UnresolvedSensitiveWords(SensitiveWords.InDraft(words, draft.Title, draft.Body)));
            // What the editor sent is cleaned to the stored-body allow-list, with this draft's own files as the only images.
            var body = await StoredBodies.CleanAsync(db, draft.Id, request.Body, cancellationToken);
            draft.Edit(request.Title, body, request.Channels, request.Audience,
                DateTime.SpecifyKind(request.DisplayFromUtc, DateTimeKind.Utc), DateTime.SpecifyKind(request.DisplayUntilUtc, DateTimeKind.Utc),
                request.Important, actor, now);
            var blocking = draft.UnresolvedSensitiveWords(SensitiveWords.InDraft(words, draft.Title, draft.Body));
            // An autosave is not audited (it would flood the trail); the dashboard's 敏感词待放行 card must still hear of a
            // word appearing or going, or of a listed draft's new title, once the save commits.
            if (!before.Blocking.SequenceEqual(blocking) || (blocking.Count > 0 && before.Title != draft.Title))
                draft.AnnounceSensitiveWordsChanged(actor, now);
            await db.SaveChangesAsync(cancellationToken);
            return new DraftSaved(draft.Version, now);
        });

    public Task<Result<DraftCheck>> CheckAsync(int id, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var current = await settings.GetAsync(cancellationToken);
            var words = current.SensitiveWords;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var draft = await db.Disclosures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException();
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, draft.OrganizationId), "Access.NotYourOrganization");
            var now = clock.UtcNow;
            // The very methods Disclosure.Submit runs, with the words and clock DisclosureReviewService.SubmitAsync uses.
            var codes = draft.SubmissionProblems(now, current.DisplayRules);
            var hits = SensitiveWords.InDraft(words, draft.Title, draft.Body).ToList();
            var blocking = draft.UnresolvedSensitiveWords(hits);
            var message = hits.Count > 0 ? text["Draft.SensitiveHits", CultureText.Join(hits)].Value : null;
            var startGoesStale = draft.DisplayFromUtc + Disclosure.StartTolerance;
            return new DraftCheck(codes, codes.Select(code => rules[code].Value).ToList(), hits, blocking, message,
                startGoesStale >= now ? startGoesStale : null);
        });

    /// <summary>A reviewer lets the current sensitive-word hits through, with a reason (§ sensitive words).</summary>
    public Task<Result> OverrideSensitiveWordsAsync(int id, int expectedVersion, string reason, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var current = await settings.GetAsync(cancellationToken);
            var route = await reviewRoutes.CurrentAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var draft = await db.Disclosures.Include(d => d.Approvals)
                .Include(d => d.CatalogueOccurrence).ThenInclude(o => o!.CatalogueItem)
                .FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                ?? throw new NotFoundException();
            var reviewer = await ReviewAccess.EnsureAsync(db, actor, draft, route, cancellationToken);
            draft.EnsureVersion(expectedVersion);
            var hits = SensitiveWords.InDraft(current.SensitiveWords, draft.Title, draft.Body);
            if (hits.Count == 0) throw Refusal(text["Draft.NoSensitiveHits"]);
            draft.OverrideSensitiveWords(reviewer, clock.UtcNow, hits, reason);
            await db.SaveChangesAsync(cancellationToken);
        });

    private static ValidationException Refusal(string message) => new([new ValidationFailure("", message)]);
}
