using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// Reads disclosures for the person asking. The Office and Leaders see the whole bureau; a Secretary or
/// Drafter sees every state of their own organization's items; anyone else signed in sees only what has
/// been published (or has closed) to an audience they belong to — never a draft. The feedback handler also
/// reads every published item, whose feedback they handle. Someone who may not see an item is told it does not exist.
/// </summary>
public sealed class DisclosureQueryService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    ReviewRoutes reviewRoutes,
    Outcomes outcomes,
    IStringLocalizer<AdminStrings> roleText)
{
    /// <summary>The most rows one page of the list may ask for.</summary>
    public const int MaxPageSize = 100;

    public Task<Result<DisclosureListView>> ListAsync(DisclosureFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor));
            if (filter.State is { } state) query = query.Where(d => d.State == state);
            if (filter.OrganizationId is { } organizationId) query = query.Where(d => d.OrganizationId == organizationId);
            if (filter.Drafts) query = query.Where(DisclosureRules.Editable);
            if (filter.Mine) query = query.Where(d => d.AuthorId == actor.UserId);
            if (filter.InCatalogue is { } inCatalogue)
                query = query.Where(inCatalogue ? DisclosureRules.InCatalogue : DisclosureRules.OutOfCatalogue);

            if (filter.AwaitingMyReview)
            {
                var route = await reviewRoutes.CurrentAsync(cancellationToken);
                var officeMembers = actor.IsInRole(Roles.Leader) ? await OfficeMembers.IdsAsync(db, cancellationToken) : [];
                query = query.Where(d => d.State == DisclosureState.Submitted)
                    .Where(route.ReviewableBy(actor, officeMembers));
            }

            var total = await query.CountAsync(cancellationToken);
            var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
            // The last change is the newest audit entry on the item (or its last save): computed in SQL so that it can order the pages.
            var listed = query.Select(d => new
            {
                Disclosure = d,
                LastChangeUtc = db.AuditEntries
                    .Where(a => a.EntityType == nameof(Disclosure) && a.EntityId == d.Id)
                    .OrderByDescending(a => a.Id)
                    .Select(a => (DateTime?)a.AtUtc)
                    .FirstOrDefault() ?? d.LastSavedAtUtc,
            });
            var descending = filter.Descending;
            var ordered = filter.SortBy switch
            {
                nameof(DisclosureRow.Title) => descending ? listed.OrderByDescending(x => x.Disclosure.Title) : listed.OrderBy(x => x.Disclosure.Title),
                nameof(DisclosureRow.OrganizationName) => descending
                    ? listed.OrderByDescending(x => x.Disclosure.Organization!.Name) : listed.OrderBy(x => x.Disclosure.Organization!.Name),
                nameof(DisclosureRow.Category) => descending ? listed.OrderByDescending(x => x.Disclosure.Category) : listed.OrderBy(x => x.Disclosure.Category),
                nameof(DisclosureRow.State) => descending ? listed.OrderByDescending(x => x.Disclosure.State) : listed.OrderBy(x => x.Disclosure.State),
                nameof(DisclosureRow.DisplayFromUtc) => descending
                    ? listed.OrderByDescending(x => x.Disclosure.DisplayFromUtc) : listed.OrderBy(x => x.Disclosure.DisplayFromUtc),
                nameof(DisclosureRow.AuthorName) => descending
                    ? listed.OrderByDescending(x => x.Disclosure.AuthorName) : listed.OrderBy(x => x.Disclosure.AuthorName),
                nameof(DisclosureRow.LastChangeUtc) when !descending => listed.OrderBy(x => x.LastChangeUtc),
                _ => listed.OrderByDescending(x => x.LastChangeUtc),
            };
            // The id breaks ties, so that pages never overlap.
            ordered = filter.SortBy is null || descending ? ordered.ThenByDescending(x => x.Disclosure.Id) : ordered.ThenBy(x => x.Disclosure.Id);
            var rows = await ordered
                .Skip(Math.Max(0, filter.Page) * size).Take(size)
                .Select(x => new DisclosureRow(x.Disclosure.Id, x.Disclosure.Title, x.Disclosure.OrganizationId, x.Disclosure.Organization!.Name,
                    x.Disclosure.Category, x.Disclosure.State, DisclosureRules.IsInCatalogueOccurrence(x.Disclosure.CatalogueOccurrenceId),
                    x.Disclosure.DisplayFromUtc, x.Disclosure.DisplayUntilUtc, x.Disclosure.AuthorName, x.LastChangeUtc))
                .ToListAsync(cancellationToken);
            return new DisclosureListView(rows, total);
        });

    public Task<Result<DisclosureDetail>> GetAsync(int id, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var d = await db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor))
                .Include(x => x.Organization)
                .Include(x => x.CatalogueOccurrence).ThenInclude(o => o!.CatalogueItem)
                .Include(x => x.Versions)
                .Include(x => x.Approvals)
                .Include(x => x.Attachments)
                .AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (d is null) throw new NotFoundException();

            var seesWork = SeesWork(actor, d.OrganizationId);
            var audit = seesWork
                ? await db.AuditEntries.AsNoTracking()
                    .Where(a => a.EntityType == nameof(Disclosure) && a.EntityId == d.Id)
                    .OrderBy(a => a.Id)
                    .Select(a => new AuditRow(a.Id, a.AtUtc, a.ActorName, a.EntityType, a.EntityId, null, a.Action, a.FromState, a.ToState, a.Reason, null, a.ActorPost))
                    .ToListAsync(cancellationToken)
                : [];
            // The posts the reviewers and actors acted in, by name (机关第一党支部·书记).
            var postName = await PostNames.ForAsync(db, d.Approvals.Select(a => a.ReviewerPost).Concat(audit.Select(a => a.ActorPost)), roleText, cancellationToken);
            audit = audit.Select(a => a with { ActorPost = postName(a.ActorPost) }).ToList();
            var route = await reviewRoutes.CurrentAsync(cancellationToken);
            var canReview = d.State == DisclosureState.Submitted
                && await ReviewAccess.AllowsAsync(db, actor, d, route, cancellationToken);
            var routing = seesWork && d.State is DisclosureState.Draft or DisclosureState.Submitted or DisclosureState.Rejected
                ? route.For(d)
                : null;

            return new DisclosureDetail(d.Id, d.Version, d.Title, d.Body, d.OrganizationId, d.Organization?.Name ?? "", d.Category, d.State,
                d.Channels, d.Audience, d.DisplayFromUtc, d.DisplayUntilUtc, d.Important, d.Standing, d.AuthorName,
                d.CreatedAtUtc, d.LastSavedAtUtc, d.SubmittedAtUtc, d.PublishedAtUtc, d.ClosedAtUtc,
                d.IsInCatalogue, d.CatalogueOccurrence?.CatalogueItem?.Title, d.CatalogueOccurrence?.Label,
                d.OutOfCatalogueReason, d.ReviewComment, d.RevisesDisclosureId, d.RevisionNumber, seesWork, canReview, routing,
                d.Versions.OrderBy(v => v.Number)
                    .Select(v => new DisclosureVersionRow(v.Number, v.Title, v.Audience, v.Channels, v.DisplayFromUtc, v.DisplayUntilUtc, v.Important, v.CreatedAtUtc))
                    .ToList(),
                seesWork
                    ? d.Approvals.OrderBy(a => a.AtUtc)
                        .Select(a => new ApprovalRow(a.ReviewerName, a.Decision, a.Comment, a.ConfidentialityConfirmed, a.ApprovedOwnItem, a.AtUtc,
                            postName(a.ReviewerPost)))
                        .ToList()
                    : [],
                d.Attachments.OrderBy(a => a.Id)
                    .Select(a => new AttachmentRow(a.Id, a.FileName, a.SizeBytes, a.Sha256, a.UploadedAtUtc, a.TextState == AttachmentTextState.NoTextLayer))
                    .ToList(),
                audit, d.RevisionReason, d.SupersededByDisclosureId);
        });

    /// <summary>Review history and the audit trail are for the people who work on the organization's disclosures.</summary>
    private static bool SeesWork(Actor actor, int organizationId) =>
        actor.SeesWholeBureau || actor.Holds(organizationId, Roles.Secretary, Roles.Drafter);
}
