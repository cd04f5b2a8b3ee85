using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// Reads feedback for the person asking: the Office, Leaders and the feedback handler see all of it; anyone
/// else sees the feedback on their own organization's disclosures, and what they gave themselves.
/// </summary>
public sealed class FeedbackQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes)
{
    /// <summary>The most rows one page of the list may ask for.</summary>
    public const int MaxPageSize = 100;

    public Task<Result<FeedbackListView>> ListAsync(FeedbackFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            var seesAll = actor.SeesWholeBureau || actor.IsInRole(Roles.FeedbackHandler);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = db.Feedback.AsNoTracking();
            if (!seesAll)
            {
                var own = actor.Organizations.ToList();
                var me = actor.UserId;
                query = query.Where(f => own.Contains(f.OrganizationId) || f.SubmittedById == me);
            }
            if (filter.State is { } state) query = query.Where(f => f.State == state);
            if (filter.OrganizationId is { } organizationId) query = query.Where(f => f.OrganizationId == organizationId);
            var now = clock.UtcNow;
            if (filter.AwaitingMe)
            {
                var me = actor.UserId;
                query = query.Where(f => f.State == FeedbackState.Reported && f.ReportedToId == me);
            }
            if (filter.OpenOnly) query = query.Where(FeedbackRules.Open);
            if (filter.LateOnly) query = query.Where(FeedbackRules.LateAt(now));

            var total = await query.CountAsync(cancellationToken);
            var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
            var rows = await Sorted(query, db, filter)
                .Skip(Math.Max(0, filter.Page) * size).Take(size)
                .Select(f => new FeedbackRow(f.Id, f.DisclosureId, f.Disclosure != null ? f.Disclosure.Title : null,
                    db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                    f.State, f.Channel, f.ReceivedAtUtc, f.StepDueAtUtc,
                    FeedbackRules.IsLate(f.State, f.StepDueAtUtc, now), f.Kind))
                .ToListAsync(cancellationToken);
            var organizations = seesAll ? OrganizationScope.All : OrganizationScope.Of(actor.Organizations);
            return new FeedbackListView(rows, total, organizations);
        });

    /// <summary>The list's column order in SQL; the id breaks ties so that pages never overlap.</summary>
    private static IQueryable<Feedback> Sorted(IQueryable<Feedback> query, AppDbContext db, FeedbackFilter filter)
    {
        var descending = filter.Descending;
        IOrderedQueryable<Feedback> ordered = filter.SortBy switch
        {
            nameof(FeedbackRow.State) => descending ? query.OrderByDescending(f => f.State) : query.OrderBy(f => f.State),
            nameof(FeedbackRow.Channel) => descending ? query.OrderByDescending(f => f.Channel) : query.OrderBy(f => f.Channel),
            nameof(FeedbackRow.ReceivedAtUtc) => descending ? query.OrderByDescending(f => f.ReceivedAtUtc) : query.OrderBy(f => f.ReceivedAtUtc),
            nameof(FeedbackRow.StepDueAtUtc) => descending ? query.OrderByDescending(f => f.StepDueAtUtc) : query.OrderBy(f => f.StepDueAtUtc),
            nameof(FeedbackRow.DisclosureTitle) => descending
                ? query.OrderByDescending(f => f.Disclosure != null ? f.Disclosure.Title : null)
                : query.OrderBy(f => f.Disclosure != null ? f.Disclosure.Title : null),
            nameof(FeedbackRow.OrganizationName) => descending
                ? query.OrderByDescending(f => db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).FirstOrDefault())
                : query.OrderBy(f => db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).FirstOrDefault()),
            _ => query.OrderByDescending(f => f.ReceivedAtUtc),
        };
        return filter.SortBy is null || descending ? ordered.ThenByDescending(f => f.Id) : ordered.ThenBy(f => f.Id);
    }

    /// <summary>One piece of feedback with its trail, for those who may read it; anyone else gets not found.</summary>
    public Task<Result<FeedbackDetail>> GetAsync(int id, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var f = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (f is null || !await FeedbackAccess.MayReadAsync(db, actor, f, cancellationToken)) throw new NotFoundException();
            // Mailbox feedback has no item: it shows its kind and its own organization.
            var item = await db.Disclosures.AsNoTracking().Where(d => d.Id == f.DisclosureId)
                .Select(d => new { Title = (string?)d.Title, Organization = d.Organization!.Name }).FirstOrDefaultAsync(cancellationToken)
                ?? new { Title = (string?)null, Organization = await db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "" };
            var trail = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Feedback) && a.EntityId == f.Id)
                .OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
                .Select(a => new AuditRow(a.Id, a.AtUtc, a.ActorName, a.EntityType, a.EntityId, null, a.Action, a.FromState, a.ToState, a.Reason, null))
                .ToListAsync(cancellationToken);
            // Older anonymous feedback recorded its sender's name on its submission; the trail shows 匿名 instead.
            IReadOnlySet<int> anonymous = FeedbackAnonymity.HidesSender(f.IsAnonymous, f.Channel) ? new HashSet<int> { f.Id } : new HashSet<int>();
            trail = trail.Select(a => a with { ActorName = FeedbackAnonymity.Shown(a.ActorName,
                FeedbackAnonymity.Redacts(a.EntityType, a.Action, a.EntityId, anonymous)) }).ToList();
            var can = FeedbackAccess.ActionsFor(actor, f);
            var assignees = can.Assign ? await FeedbackAccess.AssigneesAsync(db, f.OrganizationId, cancellationToken) : [];
            var leaders = can.Report ? await FeedbackAccess.LeadersAsync(db, clock.Today, cancellationToken) : [];
            return new FeedbackDetail(f.Id, f.Version, f.DisclosureId, item.Title, item.Organization, f.State, f.Channel, f.Content,
                f.IsAnonymous, f.IsAnonymous ? null : f.SenderName, f.IsAnonymous ? null : f.SenderContact, f.ReceivedAtUtc,
                f.AssigneeName, f.Answer, f.ReportedTo, f.Resolution, f.PublicSummary, f.IsAbusive, f.RedisclosureId, f.StepDueAtUtc,
                f.IsLate(clock.UtcNow), trail, can, assignees, leaders, f.Kind, f.SenderReply, f.SenderRepliedAtUtc);
        });

    /// <summary>The published or closed items the person may register offline feedback against.</summary>
    public Task<Result<IReadOnlyList<DisclosureOption>>> RegistrableAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<DisclosureOption>>(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.IsInAnyRole(Roles.Office, Roles.FeedbackHandler, Roles.Secretary));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var own = actor.OrganizationsWhere(Roles.Secretary);
            var everyOrganization = actor.IsInAnyRole(Roles.Office, Roles.FeedbackHandler);
            return await db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor))
                .Where(d => d.State == DisclosureState.Published || d.State == DisclosureState.Closed)
                .Where(d => everyOrganization || own.Contains(d.OrganizationId))
                .OrderByDescending(d => d.DisplayFromUtc)
                .Select(d => new DisclosureOption(d.Id, d.Title, d.Organization!.Name))
                .ToListAsync(cancellationToken);
        });
}
