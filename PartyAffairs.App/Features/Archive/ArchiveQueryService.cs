using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>Reads the archive register: the Office and Leaders all of it, anyone else their own organization's records.</summary>
public sealed class ArchiveQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, Outcomes outcomes)
{
    public const int MaxPageSize = 100;

    public Task<Result<ArchiveListView>> ListAsync(ArchiveFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var onlyOrganization = Scope(actor);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var visible = db.ArchiveRecords.AsNoTracking();
            if (onlyOrganization is not null) visible = visible.Where(r => onlyOrganization.Contains(r.OrganizationId));
            var years = await visible.Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

            var query = ArchiveSearch.Matching(db, filter.Text).AsNoTracking();
            if (onlyOrganization is not null) query = query.Where(r => onlyOrganization.Contains(r.OrganizationId));
            if (filter.Year is { } year) query = query.Where(r => r.Year == year);
            if (filter.OrganizationId is { } organizationId) query = query.Where(r => r.OrganizationId == organizationId);
            if (filter.Category is { } category) query = query.Where(r => r.Category == category);
            if (filter.Audience is { } audience) query = query.Where(r => r.Audience == audience);
            var total = await query.CountAsync(cancellationToken);
            var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
            var rows = await query
                .OrderByDescending(r => r.ChainIndex)
                .Skip(Math.Max(0, filter.Page) * size)
                .Take(size)
                .Select(r => new ArchiveRow(r.Id, r.ArchiveNumber, r.Title,
                    db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                    r.Year, r.Category, r.Audience, r.ArchivedAtUtc, r.Digest))
                .ToListAsync(cancellationToken);
            var organizations = onlyOrganization is null ? OrganizationScope.All : OrganizationScope.Of(onlyOrganization);
            return new ArchiveListView(rows, total, years, organizations);
        });

    /// <summary>
    /// One record's frozen content and its files, for its page. Feedback text and senders only for those who read them
    /// (<see cref="AccessPolicy.ReadsFeedback"/>); everyone else gets the disclosed results only and no trail of that
    /// feedback. Anonymous feedback's submission shows as 匿名 (<see cref="FeedbackAnonymity"/>), whatever the record froze.
    /// </summary>
    public Task<Result<ArchiveRecordView>> GetAsync(int id, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var onlyOrganization = Scope(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var record = await db.ArchiveRecords.AsNoTracking().Include(r => r.Files)
                .Where(r => r.Id == id && (onlyOrganization == null || onlyOrganization.Contains(r.OrganizationId)))
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var snapshot = ArchiveSnapshot.FromCanonicalJson(record.CanonicalJson);
            return new ArchiveRecordView(record.Id, record.ArchiveNumber, record.ChainIndex, record.Digest, record.PreviousDigest,
                ForReader(actor, record.OrganizationId, snapshot, out var resultsOnly), resultsOnly,
                AccessPolicy.ReadsArchivedFeedback(actor, record.OrganizationId, snapshot.Feedback.Select(f => f.ReportedToId)));
        });

    private static ArchiveSnapshot ForReader(Actor actor, int organizationId, ArchiveSnapshot snapshot, out IReadOnlySet<int> resultsOnly)
    {
        var read = snapshot.Feedback.Where(f => AccessPolicy.ReadsFeedback(actor, organizationId, f.ReportedToId)).Select(f => f.Id).ToHashSet();
        var disclosed = snapshot.Feedback
            .Where(f => !read.Contains(f.Id) && !f.IsAbusive && f.Resolution is not null
                && f.State is FeedbackState.ResultDisclosed or FeedbackState.Closed)
            .Select(f => f with
            {
                Content = "", SenderName = null, SenderContact = null, SubmittedById = null, RegisteredById = null, AssigneeId = null,
                AssigneeName = null, Answer = null, ReportedTo = null, ReportedToId = null,
            })
            .ToList();
        resultsOnly = disclosed.Select(f => f.Id).ToHashSet();
        var anonymous = snapshot.Feedback.Where(f => FeedbackAnonymity.HidesSender(f.IsAnonymous, f.Channel)).Select(f => f.Id).ToHashSet();
        var audit = snapshot.Audit
            .Where(a => a.EntityType != nameof(Feedback) || read.Contains(a.EntityId))
            .Select(a => Enum.TryParse<WorkflowAction>(a.Action, out var action) && FeedbackAnonymity.Redacts(a.EntityType, action, a.EntityId, anonymous)
                ? a with { ActorId = "", ActorName = FeedbackAnonymity.ActorName }
                : a)
            .ToList();
        return snapshot with
        {
            Feedback = snapshot.Feedback.Where(f => read.Contains(f.Id)).Select(f => anonymous.Contains(f.Id) ? f with { SubmittedById = null } : f)
                .Concat(disclosed).OrderBy(f => f.Id).ToList(),
            Audit = audit,
        };
    }

    /// <summary>Whom the register shows what: null for the whole bureau, else the organizations the person belongs to.</summary>
    internal static IReadOnlyList<int>? Scope(Actor actor)
    {
        AccessPolicy.Ensure(WorkReaders.Includes(actor));
        return actor.SeesWholeBureau ? null : actor.Organizations.ToList();
    }
}
