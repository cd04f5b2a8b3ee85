using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Applications;

public sealed record ApplicationFilter(ApplicationState? State = null, int? OrganizationId = null, bool LateOnly = false, ApplicationOutcome? Outcome = null);

public sealed record ApplicationRow(int Id, string OrganizationName, ApplicationChannel Channel, string Subject, DateTime ReceivedAtUtc, DateOnly DueOn,
    ApplicationState State, ApplicationOutcome? Outcome, bool IsLate, bool? AnsweredLate, string? AssigneeName);

public sealed record ApplicationPage(IReadOnlyList<ApplicationRow> Rows, int Total);

public sealed record ApplicationDetail(int Id, int Version, string OrganizationName, int OrganizationId, Audience Scope, ApplicationChannel Channel,
    string Subject, string? Purpose, string? ApplicantName, string? ApplicantContact, bool SignedInApplicant, DateTime ReceivedAtUtc, DateOnly DueOn,
    DateOnly? ExtendedFrom, string? ExtensionReason, ApplicationState State, bool IsLate, string? AssigneeName, ApplicationOutcome? Outcome,
    string? Answer, string? Withheld, ApplicationRefusal? Refusal, string? RefusalText, int? DisclosureId, string? DisclosureTitle,
    DisclosureState? DisclosureState, bool? AnsweredLate, IReadOnlyList<AuditRow> Trail, ApplicationActions Can, IReadOnlyList<PersonOption> Assignees);

public sealed record DisclosureChoice(int Id, string Title, DisclosureState State, Audience Audience);

/// <summary>Reads applications for those who work on them (<see cref="ApplicationAccess"/>), paged in SQL, and her own for the applicant.</summary>
public sealed class ApplicationQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes)
{
    public Task<Result<ApplicationPage>> ListAsync(ApplicationFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(ApplicationAccess.ListsAny(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = Readable(db, actor);
            var today = clock.Today;
            if (filter.State is { } state) query = query.Where(a => a.State == state);
            if (filter.OrganizationId is { } organizationId) query = query.Where(a => a.OrganizationId == organizationId);
            if (filter.Outcome is { } outcome) query = query.Where(a => a.Outcome == outcome);
            if (filter.LateOnly) query = query.Where(ApplicationCounting.LateOn(today));
            var total = await query.CountAsync(cancellationToken);
            var rows = await query.OrderByDescending(a => a.ReceivedAtUtc).ThenByDescending(a => a.Id)
                .Skip(Math.Max(0, page) * Math.Clamp(pageSize, 1, 100)).Take(Math.Clamp(pageSize, 1, 100))
                .Select(a => new ApplicationRow(a.Id, a.Organization!.Name, a.Channel, a.Subject.Length > 80 ? a.Subject.Substring(0, 80) + "…" : a.Subject,
                    a.ReceivedAtUtc, a.DueOn, a.State, a.Outcome, ApplicationRules.IsLate(a.State, a.DueOn, today), a.AnsweredLate, a.AssigneeName))
                .ToListAsync(cancellationToken);
            return new ApplicationPage(rows, total);
        });

    public Task<Result<ApplicationDetail>> GetAsync(int id, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var a = await db.Applications.AsNoTracking().Include(x => x.Organization).Include(x => x.Disclosure)
                .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (a is null || !ApplicationAccess.Reads(actor, a)) throw new NotFoundException();
            var trail = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(DisclosureApplication) && e.EntityId == id)
                .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                .Select(e => new AuditRow(e.Id, e.AtUtc, e.ActorName, e.EntityType, e.EntityId, null, e.Action, e.FromState, e.ToState, e.Reason, null))
                .ToListAsync(cancellationToken);
            var can = ApplicationAccess.ActionsFor(actor, a);
            var assignees = can.Assign ? await FeedbackAccess.AssigneesAsync(db, a.OrganizationId, cancellationToken) : [];
            return new ApplicationDetail(a.Id, a.Version, a.Organization?.Name ?? "", a.OrganizationId, a.Scope, a.Channel, a.Subject, a.Purpose,
                a.ApplicantName, a.ApplicantContact, a.SubmittedById is not null, a.ReceivedAtUtc, a.DueOn, a.ExtendedFrom, a.ExtensionReason, a.State,
                a.IsLate(clock.Today), a.AssigneeName, a.Outcome, a.Answer, a.Withheld, a.Refusal, a.RefusalText, a.DisclosureId, a.Disclosure?.Title,
                a.Disclosure?.State, a.AnsweredLate, trail, can, assignees);
        });

    /// <summary>
    /// Disclosures of the organization asked that an answer may point to: the applicant may read them
    /// (<see cref="ApplicationRules.ApplicantMayRead"/>); titles matching <paramref name="term"/>, newest first, at most 20.
    /// </summary>
    public Task<Result<IReadOnlyList<DisclosureChoice>>> LinkableAsync(int applicationId, string? term, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, cancellationToken);
            if (a is null || !ApplicationAccess.Reads(actor, a)) throw new NotFoundException();
            AccessPolicy.Ensure(ApplicationAccess.Handles(actor, a));
            var memberOrg = a.ApplicantOrganizationId;
            var signedIn = a.SubmittedById is not null;
            var query = db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor))
                .Where(d => d.OrganizationId == a.OrganizationId && d.SupersededByDisclosureId == null && d.State != DisclosureState.Withdrawn)
                .Where(d => d.Audience == Audience.Public
                    || (d.Audience == Audience.AllMembers && signedIn)
                    || (d.Audience == Audience.Organization && signedIn && d.OrganizationId == memberOrg));
            if (!string.IsNullOrWhiteSpace(term)) query = query.Where(d => d.Title.Contains(term.Trim()));
            return (IReadOnlyList<DisclosureChoice>)await query.OrderByDescending(d => d.Id).Take(20)
                .Select(d => new DisclosureChoice(d.Id, d.Title, d.State, d.Audience))
                .ToListAsync(cancellationToken);
        });

    /// <summary>Her own applications (made signed in), newest first, for 我的反馈: only ever the signed-in person's.</summary>
    public Task<Result<(IReadOnlyList<MyApplicationRow> Rows, int Total)>> MineAsync(int page, int pageSize, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.IsAuthenticated);
            var me = actor.UserId;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = db.Applications.AsNoTracking().Where(a => a.SubmittedById == me);
            var total = await query.CountAsync(cancellationToken);
            var ids = await query.OrderByDescending(a => a.ReceivedAtUtc).ThenByDescending(a => a.Id)
                .Skip(Math.Max(0, page) * Math.Clamp(pageSize, 1, 50)).Take(Math.Clamp(pageSize, 1, 50))
                .Select(a => new { a.Id, a.Subject }).ToListAsync(cancellationToken);
            var rows = new List<MyApplicationRow>(ids.Count);
            foreach (var row in ids) rows.Add(new MyApplicationRow(row.Subject, await ApplicationViews.TrackAsync(db, row.Id, clock.Today, cancellationToken)));
            return ((IReadOnlyList<MyApplicationRow>)rows, total);
        });

    /// <summary>What this person may read, as a query: the Office and Leaders all, anyone else what is assigned to her.</summary>
    private static IQueryable<DisclosureApplication> Readable(AppDbContext db, Actor actor)
    {
        var query = db.Applications.AsNoTracking();
        if (actor.IsInAnyRole(Roles.Office, Roles.Leader)) return query;
        var me = actor.UserId;
        return query.Where(a => a.AssigneeId == me);
    }
}

public sealed record MyApplicationRow(string Subject, ApplicationTrackView View);
