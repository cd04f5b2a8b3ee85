using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Home;

/// <summary>
/// The home page's summary: one section for each role the person holds, read afresh on each call and
/// scoped as the permission rules scope the work — a Secretary or Drafter sees their own organization,
/// the Office and Leaders the whole bureau, a Member only what the audience rule lets them read.
/// </summary>
public sealed class HomeService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    ReviewRoutes reviewRoutes,
    Outcomes outcomes)
{
    /// <summary>How far ahead "due soon" looks (<see cref="OccurrenceRules"/>).</summary>
    public const int DueSoonDays = OccurrenceRules.HomeSoonDays;

    /// <summary>How many lines a card lists before it only counts.</summary>
    public const int ListSize = 6;

    public Task<Result<HomeSummary>> GetAsync(CancellationToken cancellationToken = default) => outcomes.RunAsync(async () =>
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsAuthenticated);
        var route = await reviewRoutes.CurrentAsync(cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizationName = actor.OrganizationId is { } organizationId
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var view = new View(db, clock.Today, clock.UtcNow, clock);

        return new HomeSummary(
            actor.DisplayName,
            organizationName,
            view.Today,
            actor.IsInRole(Roles.Secretary) ? await SecretaryAsync(view, actor, route, cancellationToken) : null,
            actor.IsInRole(Roles.Drafter) ? await DrafterAsync(view, actor, cancellationToken) : null,
            actor.IsInRole(Roles.Office) ? await OfficeAsync(view, route, cancellationToken) : null,
            actor.IsInRole(Roles.Leader) ? await LeaderAsync(view, cancellationToken) : null,
            actor.IsInRole(Roles.FeedbackHandler) ? await FeedbackHandlerAsync(view, cancellationToken) : null,
            actor.IsInRole(Roles.Member) ? await MemberAsync(view, actor, cancellationToken) : null,
            actor.IsInRole(Roles.Admin) ? await AdminAsync(view, cancellationToken) : null);
    });

    private static async Task<SecretaryHome> SecretaryAsync(View view, Actor actor, CurrentReviewRoute route, CancellationToken ct)
    {
        var org = actor.OrganizationsWhere(Roles.Secretary);
        if (org.Count == 0)
        {
            return new SecretaryHome(CountedList<OccurrenceDue>.Empty, CountedList<OccurrenceDue>.Empty,
                CountedList<DisclosureLine>.Empty, CountedList<DisclosureLine>.Empty, route.OfficeApprovesEverything, 0, 0);
        }

        var ownOccurrences = view.OpenOccurrences().Where(o => org.Contains(o.CatalogueItem!.OrganizationId));
        var ownDisclosures = view.Db.Disclosures.AsNoTracking().Where(d => org.Contains(d.OrganizationId));
        var awaitingReview = await view.DisclosuresAsync(
            ownDisclosures.Where(d => d.State == DisclosureState.Submitted).Where(route.SecretaryReviews),
            q => q.OrderBy(d => d.SubmittedAtUtc), ct);
        var ownFeedback = view.Db.Feedback.AsNoTracking().Where(f => org.Contains(f.OrganizationId)).Where(FeedbackRules.Open);

        return new SecretaryHome(
            await view.OccurrencesAsync(ownOccurrences.Where(OccurrenceRules.DueWithin(view.Today, DueSoonDays)), ct),
            await view.OccurrencesAsync(ownOccurrences.Where(OccurrenceRules.OverdueOn(view.Today)), ct),
            await view.DisclosuresAsync(
                ownDisclosures.Where(DisclosureRules.Editable),
                q => q.OrderByDescending(d => d.LastSavedAtUtc), ct),
            awaitingReview,
            route.OfficeApprovesEverything,
            await ownFeedback.CountAsync(ct),
            await ownFeedback.Where(FeedbackRules.LateAt(view.UtcNow)).CountAsync(ct));
    }

    private static async Task<DrafterHome> DrafterAsync(View view, Actor actor, CancellationToken ct)
    {
        var mine = view.Db.Disclosures.AsNoTracking().Where(d => d.AuthorId == actor.UserId);
        // The same rule as the secretary's: overdue items are not "due within 14 days" (they were counted there twice).
        var org = actor.OrganizationsWhere(Roles.Drafter);
        var dueSoon = org.Count > 0
            ? await view.OccurrencesAsync(
                view.OpenOccurrences().Where(o => org.Contains(o.CatalogueItem!.OrganizationId)).Where(OccurrenceRules.DueWithin(view.Today, DueSoonDays)), ct)
            : CountedList<OccurrenceDue>.Empty;

        return new DrafterHome(
            await view.DisclosuresAsync(mine.Where(d => d.State == DisclosureState.Draft), q => q.OrderByDescending(d => d.LastSavedAtUtc), ct),
            await view.DisclosuresAsync(mine.Where(d => d.State == DisclosureState.Rejected), q => q.OrderByDescending(d => d.LastSavedAtUtc), ct),
            dueSoon);
    }

    private static async Task<OfficeHome> OfficeAsync(View view, CurrentReviewRoute route, CancellationToken ct)
    {
        var submitted = view.Db.Disclosures.AsNoTracking().Where(d => d.State == DisclosureState.Submitted).Where(route.OfficeOnly);

        return new OfficeHome(
            await view.DisclosuresAsync(submitted, q => q.OrderBy(d => d.SubmittedAtUtc), ct),
            route.OfficeApprovesEverything,
            await view.CataloguesAwaitingApprovalAsync(ct),
            await view.OpenOccurrences().Where(OccurrenceRules.OverdueOn(view.Today)).CountAsync(ct),
            await view.LateFeedbackCountAsync(ct));
    }

    private static async Task<LeaderHome> LeaderAsync(View view, CancellationToken ct) =>
        new(
            await view.CataloguesAwaitingApprovalAsync(ct),
            await view.OnDisplay().CountAsync(ct),
            await view.LateFeedbackCountAsync(ct));

    private static async Task<FeedbackHandlerHome> FeedbackHandlerAsync(View view, CancellationToken ct)
    {
        var open = view.Db.Feedback.AsNoTracking().Where(FeedbackRules.Open);
        var total = await open.CountAsync(ct);
        var rows = await open
            .OrderBy(f => f.StepDueAtUtc == null)
            .ThenBy(f => f.StepDueAtUtc)
            .ThenBy(f => f.Id)
            .Take(ListSize)
            .Select(f => new { f.Id, f.Disclosure!.Title, Organization = f.Disclosure.Organization!.Name, f.State, f.StepDueAtUtc })
            .ToListAsync(ct);
        var items = rows
            .Select(f => new FeedbackLine(f.Id, f.Title, f.Organization, f.State,
                f.StepDueAtUtc is { } due ? view.Clock.ToLocal(due) : null,
                FeedbackRules.IsLate(f.State, f.StepDueAtUtc, view.UtcNow)))
            .ToList();
        return new FeedbackHandlerHome(new CountedList<FeedbackLine>(total, items), await view.LateFeedbackCountAsync(ct));
    }

    private static async Task<MemberHome> MemberAsync(View view, Actor actor, CancellationToken ct)
    {
        var rows = await view.OnDisplay().Where(AccessPolicy.Sees(actor))
            .Select(d => new
            {
                d.Id, d.Title, Organization = d.Organization!.Name, d.OrganizationId, d.Audience, d.State,
                InCatalogue = DisclosureRules.IsInCatalogueOccurrence(d.CatalogueOccurrenceId), d.PublishedAtUtc, d.DisplayFromUtc,
            })
            .ToListAsync(ct);
        var readable = rows
            .OrderByDescending(d => d.PublishedAtUtc ?? d.DisplayFromUtc)
            .ToList();
        var items = readable
            .Take(ListSize)
            .Select(d => new DisclosureLine(d.Id, d.Title, d.Organization, d.State, d.InCatalogue,
                view.Clock.ToLocal(d.PublishedAtUtc ?? d.DisplayFromUtc), null))
            .ToList();
        return new MemberHome(new CountedList<DisclosureLine>(readable.Count, items));
    }

    private static async Task<AdminHome> AdminAsync(View view, CancellationToken ct) =>
        new(await view.Db.Users.CountAsync(ct), await view.Db.Organizations.CountAsync(o => o.IsActive, ct));

    /// <summary>One read of the database at one moment: the queries the sections share.</summary>
    private sealed record View(AppDbContext Db, DateOnly Today, DateTime UtcNow, BureauClock Clock)
    {
        /// <summary>Occurrences still to be published, of items in a catalogue in force.</summary>
        public IQueryable<CatalogueOccurrence> OpenOccurrences() =>
            Db.CatalogueOccurrences.AsNoTracking().Where(o =>
                o.State == OccurrenceState.Open
                && !o.CatalogueItem!.IsRetired
                && Db.Catalogues.Any(c => c.Id == o.CatalogueItem.CatalogueId && c.State == CatalogueState.InForce));

        public IQueryable<Disclosure> OnDisplay() => Db.Disclosures.AsNoTracking().Where(DisclosureRules.OnDisplayAt(UtcNow));

        public Task<int> LateFeedbackCountAsync(CancellationToken ct) =>
            Db.Feedback.Where(FeedbackRules.LateAt(UtcNow)).CountAsync(ct);

        /// <summary>Submitted catalogues, then submitted amendments of catalogues in force, oldest year first.</summary>
        public async Task<List<CatalogueLine>> CataloguesAwaitingApprovalAsync(CancellationToken ct)
        {
            var catalogues = await Db.Catalogues.AsNoTracking()
                .Where(c => c.State == CatalogueState.Submitted)
                .OrderBy(c => c.Year)
                .Select(c => new CatalogueLine(c.Id, c.Year, c.Title, null))
                .ToListAsync(ct);
            var amendments = await Db.CatalogueAmendments.AsNoTracking()
                .Where(a => a.State == AmendmentState.Submitted)
                .Join(Db.Catalogues, a => a.CatalogueId, c => c.Id, (a, c) => new { a.Id, c.Year, a.Reason, CatalogueId = c.Id })
                .OrderBy(a => a.Year).ThenBy(a => a.Id)
                .Select(a => new CatalogueLine(a.CatalogueId, a.Year, a.Reason, a.Id))
                .ToListAsync(ct);
            return [.. catalogues, .. amendments];
        }

        public async Task<CountedList<OccurrenceDue>> OccurrencesAsync(IQueryable<CatalogueOccurrence> query, CancellationToken ct)
        {
            var total = await query.CountAsync(ct);
            var today = Today;
            var items = await query
                .OrderBy(o => o.DueDate)
                .ThenBy(o => o.Id)
                .Take(ListSize)
                .Select(o => new OccurrenceDue(o.Id, o.CatalogueItem!.Title, o.Label, o.CatalogueItem.Organization!.Name, o.DueDate,
                    OccurrenceRules.IsOverdue(o.State, o.DueDate, today)))
                .ToListAsync(ct);
            return new CountedList<OccurrenceDue>(total, items);
        }

        public async Task<CountedList<DisclosureLine>> DisclosuresAsync(IQueryable<Disclosure> query,
            Func<IQueryable<Disclosure>, IOrderedQueryable<Disclosure>> order, CancellationToken ct)
        {
            var total = await query.CountAsync(ct);
            var rows = await order(query)
                .ThenBy(d => d.Id)
                .Take(ListSize)
                .Select(d => new
                {
                    d.Id, d.Title, Organization = d.Organization!.Name, d.State, InCatalogue = DisclosureRules.IsInCatalogueOccurrence(d.CatalogueOccurrenceId),
                    d.LastSavedAtUtc, d.SubmittedAtUtc, d.PublishedAtUtc, d.ReviewComment,
                })
                .ToListAsync(ct);
            var items = rows
                .Select(d => new DisclosureLine(d.Id, d.Title, d.Organization, d.State, d.InCatalogue,
                    Clock.ToLocal(d.State switch
                    {
                        DisclosureState.Submitted => d.SubmittedAtUtc ?? d.LastSavedAtUtc,
                        DisclosureState.Published => d.PublishedAtUtc ?? d.LastSavedAtUtc,
                        _ => d.LastSavedAtUtc,
                    }),
                    d.State == DisclosureState.Rejected ? d.ReviewComment : null))
                .ToList();
            return new CountedList<DisclosureLine>(total, items);
        }
    }
}
