using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Organizations;

/// <summary>
/// The Admin's work on the organization tree (§4): create, rename, move, deactivate. Every call reads the
/// person's roles afresh and refuses anyone who is not an Admin before it touches the database.
/// </summary>
public sealed class OrganizationAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    Outcomes outcomes,
    IValidator<OrganizationRequest> validator,
    IStringLocalizer<AdminStrings> text,
    ILogger<OrganizationAdminService> logger)
{
    /// <summary>The most rows one page of the tree may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Every organization in tree order (tests; the page reads a page at a time, the parent chooser searches).</summary>
    public Task<Result<IReadOnlyList<OrganizationNode>>> GetTreeAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var order = await TreeOrderAsync(db, cancellationToken);
            return await NodesAsync(db, order, cancellationToken);
        });

    /// <summary>
    /// One page of the tree, in tree order, optionally without the inactive ones: a city has two thousand organizations. The
    /// order is worked out from one narrow read of every organization (id, parent, order, name: a few dozen bytes each, not
    /// paged); only the page's rows are read in full and have their users counted.
    /// </summary>
    public Task<Result<OrganizationTreePage>> GetTreePageAsync(bool includeInactive, int page, int pageSize, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var order = (await TreeOrderAsync(db, cancellationToken)).Where(o => includeInactive || o.IsActive).ToList();
            var size = Math.Clamp(pageSize, 1, MaxPageSize);
            var nodes = await NodesAsync(db, order.Skip(Math.Max(0, page) * size).Take(size).ToList(), cancellationToken);
            return new OrganizationTreePage(nodes, order.Count);
        });

    /// <summary>
    /// Where an organization (or a new one, <paramref name="movingId"/> null) may hang: every active organization outside its own
    /// subtree, for the parent chooser to search. Only the subtree is read, a level at a time.
    /// </summary>
    public Task<Result<OrganizationScope>> ParentScopeAsync(int? movingId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            if (movingId is not { } id) return OrganizationScope.All;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // The root hangs under nothing; its subtree would be the whole city.
            if (await db.Organizations.AnyAsync(o => o.Id == id && o.Kind == OrganizationKind.OrganPartyCommittee, cancellationToken))
            {
                return OrganizationScope.None;
            }
            return OrganizationScope.All.Excluding(await SubtreeAsync(db, id, cancellationToken));
        });

    /// <summary>The organization and everything under it; the visited set stops a loop already in stored data.</summary>
    private static async Task<HashSet<int>> SubtreeAsync(AppDbContext db, int rootId, CancellationToken cancellationToken)
    {
        var subtree = new HashSet<int> { rootId };
        List<int> level = [rootId];
        while (level.Count > 0)
        {
            var below = await db.Organizations.AsNoTracking()
                .Where(o => o.ParentId != null && level.Contains(o.ParentId.Value))
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
            level = below.Where(subtree.Add).ToList();
        }
        return subtree;
    }

    private sealed record TreePlace(int Id, int Depth, bool IsActive);

    private static async Task<List<TreePlace>> TreeOrderAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.ParentId, o.IsActive, o.SortOrder })
            .ToListAsync(cancellationToken);
        var ids = organizations.Select(o => o.Id).ToHashSet();
        var children = organizations
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToLookup(o => o.ParentId is { } parent && ids.Contains(parent) ? parent : (int?)null);
        var order = new List<TreePlace>(organizations.Count);
        void Visit(int? parentId, int depth)
        {
            foreach (var o in children[parentId])
            {
                order.Add(new TreePlace(o.Id, depth, o.IsActive));
                Visit(o.Id, depth + 1);
            }
        }
        Visit(null, 0);
        return order;
    }

    /// <summary>The given places as nodes, in their order, with their users counted.</summary>
    private static async Task<IReadOnlyList<OrganizationNode>> NodesAsync(AppDbContext db, List<TreePlace> places, CancellationToken cancellationToken)
    {
        var ids = places.Select(p => p.Id).ToList();
        var rows = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Code, o.Kind, o.ParentId, o.IsActive })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var userCounts = await db.Users
            .Where(u => u.OrganizationId != null && ids.Contains(u.OrganizationId.Value))
            .GroupBy(u => u.OrganizationId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        return places.Select(p => rows[p.Id]).Zip(places, (o, p) =>
            new OrganizationNode(o.Id, o.Name, o.Code, o.Kind, o.ParentId, o.IsActive, p.Depth, userCounts.GetValueOrDefault(o.Id))).ToList();
    }

    public Task<Result<IReadOnlyList<LeadingGroupSeat>>> GetLeadingGroupAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<LeadingGroupSeat>>(async () =>
        {
            await EnsureAdminAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await (
                // Ended seats are history, kept on the leading-group page (/admin/leading-group).
                from m in db.LeadingGroupMembers.AsNoTracking().Where(m => m.ValidUntil == null)
                join u in db.Users on m.UserId equals u.Id into holders
                from u in holders.DefaultIfEmpty()
                orderby m.SortOrder, m.Position
                select new LeadingGroupSeat(m.PersonName, m.Post, m.Position, u == null ? null : u.UserName))
                .ToListAsync(cancellationToken);
        });

    public Task<Result<int>> CreateAsync(OrganizationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var code = request.Code.Trim().ToUpperInvariant();
            await EnsureCodeFreeAsync(db, code, exceptId: null, cancellationToken);
            if (request.Kind == OrganizationKind.OrganPartyCommittee
                && await db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.OrganPartyCommittee, cancellationToken))
            {
                throw Invalid.Field(nameof(request.Kind), text["Org.OneOrganCommittee"]);
            }
            var sortOrder = await CheckParentAsync(db, request.ParentId, movingId: null, cancellationToken);

            var organization = new Organization(request.Name, code, request.Kind, request.ParentId, sortOrder);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} created organization {Id} {Code}", actor.UserId, organization.Id, code);
            return organization.Id;
        });

    /// <summary>Renames the organization and, if the parent changed, moves it (to the end of its new siblings).</summary>
    public Task<Result> UpdateAsync(int organizationId, OrganizationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var organization = await db.Organizations.FindAsync([organizationId], cancellationToken) ?? throw new NotFoundException();
            if (organization.Kind != request.Kind) throw Invalid.Field(nameof(request.Kind), text["Org.KindFixed"]);
            var code = request.Code.Trim().ToUpperInvariant();
            await EnsureCodeFreeAsync(db, code, organizationId, cancellationToken);
            if (organization.ParentId != request.ParentId)
            {
                var sortOrder = await CheckParentAsync(db, request.ParentId, organizationId, cancellationToken);
                organization.MoveUnder(request.ParentId, sortOrder);
            }
            organization.Rename(request.Name, code);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} updated organization {Id} {Code}", actor.UserId, organizationId, code);
        });

    /// <summary>Deactivates (bottom-up: its active sub-organizations first) or reactivates (top-down) an organization.</summary>
    public Task<Result> SetActiveAsync(int organizationId, bool active, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var organization = await db.Organizations.FindAsync([organizationId], cancellationToken) ?? throw new NotFoundException();
            if (organization.IsActive == active) return;
            if (!active && await db.Organizations.AnyAsync(o => o.ParentId == organizationId && o.IsActive, cancellationToken))
            {
                throw Invalid.Field("", text["Org.HasActiveChildren", organization.Name]);
            }
            if (active && organization.ParentId is { } parentId
                && !await db.Organizations.AnyAsync(o => o.Id == parentId && o.IsActive, cancellationToken))
            {
                throw Invalid.Field("", text["Org.ParentInactive"]);
            }
            organization.SetActive(active);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} set organization {Id} active={Active}", actor.UserId, organizationId, active);
        });

    private async Task<Actor> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(AccessPolicy.IsAdmin(actor));
        return actor;
    }

    private async Task EnsureCodeFreeAsync(AppDbContext db, string code, int? exceptId, CancellationToken cancellationToken)
    {
        var holder = await db.Organizations.AsNoTracking()
            .Where(o => o.Code == code && o.Id != exceptId)
            .Select(o => o.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is not null) throw Invalid.Field(nameof(OrganizationRequest.Code), text["Org.CodeTaken", code, holder]);
    }

    /// <summary>
    /// The parent must exist, be active and not lie inside the moving organization's own subtree (or the tree would loop): the
    /// same subtree the parent chooser leaves out, checked again here whatever the client sends. Returns the sort order that
    /// puts the organization after its new siblings.
    /// </summary>
    private async Task<int> CheckParentAsync(AppDbContext db, int? parentId, int? movingId, CancellationToken cancellationToken)
    {
        if (parentId is { } id)
        {
            var parent = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
                .Select(o => new { o.IsActive })
                .FirstOrDefaultAsync(cancellationToken);
            if (parent is null) throw Invalid.Field(nameof(OrganizationRequest.ParentId), text["Org.ParentNotFound"]);
            if (!parent.IsActive) throw Invalid.Field(nameof(OrganizationRequest.ParentId), text["Org.ParentInactive"]);
            if (movingId is { } moving && (await SubtreeAsync(db, moving, cancellationToken)).Contains(id))
            {
                throw Invalid.Field(nameof(OrganizationRequest.ParentId), text["Org.MoveIntoOwnSubtree"]);
            }
        }
        var last = await db.Organizations.Where(o => o.ParentId == parentId).MaxAsync(o => (int?)o.SortOrder, cancellationToken);
        return (last ?? 0) + 1;
    }
}
