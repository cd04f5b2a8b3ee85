using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// The rest of the public side around the board: the guide (党务公开指南), the catalogue in force as the asker may see it
/// beside what became of each line, and the history of past items. Like <see cref="BoardService"/>, every read of a
/// disclosure starts from <see cref="AccessPolicy.Sees"/> and every read of a line from <see cref="AccessPolicy.SeesLine"/>.
/// </summary>
public sealed class BoardPortalService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    SettingsReader settings,
    IOptions<BoardOptions> options,
    Outcomes outcomes)
{
    public const int PageSize = 20;

    public Task<Result<BoardGuideView>> GuideAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // At scale the guide names the top of the tree and sends the visitor to the board's directory, which pages the rest.
            var count = await db.Organizations.CountAsync(o => o.IsActive, cancellationToken);
            var abridged = count > options.Value.OrganizationsOnOnePage;
            var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsActive && (!abridged || o.ParentId == null))
                .OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, o.Kind, o.ParentId })
                .ToListAsync(cancellationToken);
            var tree = new List<GuideOrganization>();
            void Walk(int? parentId, int depth)
            {
                foreach (var o in organizations.Where(o => o.ParentId == parentId && depth < 10))
                {
                    tree.Add(new GuideOrganization(o.Id, o.Name, o.Kind, depth));
                    Walk(o.Id, depth + 1);
                }
            }
            // Roots are those whose parent is not among the active ones (so an inactive parent does not hide a branch).
            var ids = organizations.Select(o => o.Id).ToHashSet();
            foreach (var root in organizations.Where(o => o.ParentId is null || !ids.Contains(o.ParentId.Value)))
            {
                tree.Add(new GuideOrganization(root.Id, root.Name, root.Kind, 0));
                Walk(root.Id, 1);
            }
            // Only the seats held today: ended ones are history, later ones not yet in force.
            var seats = await db.LeadingGroupMembers.AsNoTracking().Where(LeadingGroupMember.CurrentOn(clock.Today))
                .OrderBy(m => m.Position >= LeadingGroupPosition.OfficeDirector).ThenBy(m => m.Position).ThenBy(m => m.SortOrder).ThenBy(m => m.Id)
                .Select(m => new GuideSeat(m.PersonName, m.Post, m.Position))
                .ToListAsync(cancellationToken);
            var year = clock.Today.Year;
            var inForce = await db.Catalogues.AsNoTracking().AnyAsync(c => c.Year == year && c.State == CatalogueState.InForce, cancellationToken);
            return new BoardGuideView(tree, seats, await settings.GetAsync(cancellationToken), inForce ? year : null)
            {
                OrganizationCount = count, Abridged = abridged,
            };
        });

    /// <summary>
    /// The catalogue in force for <paramref name="year"/>; a year without one (none, or not yet in force) is not found. Like
    /// the board, at scale (more organizations with lines than <see cref="BoardOptions.OrganizationsOnOnePage"/>, or more lines
    /// than <see cref="BoardOptions.ItemsOnOnePage"/>) it shows one organization's lines at a time (<paramref name="organizationId"/>),
    /// chosen from a directory of the organizations with their counts of lines, a page of it at a time.
    /// </summary>
    public Task<Result<PublicCatalogueView>> CatalogueAsync(int year, int? organizationId = null, int page = 1,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogue = await db.Catalogues.AsNoTracking()
                .Where(c => c.Year == year && c.State == CatalogueState.InForce)
                .Select(c => new { c.Id, c.Title })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var years = await db.Catalogues.AsNoTracking().Where(c => c.State == CatalogueState.InForce)
                .Select(c => c.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

            var seen = db.CatalogueItems.AsNoTracking()
                .Where(i => i.CatalogueId == catalogue.Id && !i.IsRetired)
                .Where(AccessPolicy.SeesLine(actor));
            if (organizationId is { } chosen)
            {
                seen = seen.Where(i => i.OrganizationId == chosen);
            }
            else
            {
                var counts = await seen.GroupBy(i => i.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                if (counts.Count > options.Value.OrganizationsOnOnePage || counts.Values.Sum() > options.Value.ItemsOnOnePage)
                {
                    var directory = await BoardDirectory.ReadAsync(db, counts, page, options.Value.DirectoryPageSize, cancellationToken);
                    return new PublicCatalogueView(year, catalogue.Title, [], years) { Directory = directory };
                }
            }

            var lines = await seen
                .Include(i => i.Organization)
                .Include(i => i.Occurrences)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var lineIds = lines.Select(l => l.Id).ToList();
            var fulfilling = lines.SelectMany(l => l.Occurrences).Where(o => o.DisclosureId is not null).Select(o => o.DisclosureId!.Value).ToList();
            var visible = (await db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor))
                .Where(d => fulfilling.Contains(d.Id) && (d.State == DisclosureState.Published || d.State == DisclosureState.Closed))
                .Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
            var now = clock.UtcNow;
            var onDisplay = (await db.Disclosures.AsNoTracking().Where(DisclosureRules.OnDisplayAt(now))
                .Where(d => d.CatalogueOccurrenceId != null && lineIds.Contains(d.CatalogueOccurrence!.CatalogueItemId))
                .Select(d => d.CatalogueOccurrence!.CatalogueItemId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

            var today = clock.Today;
            var organizations = lines
                .GroupBy(l => new { l.OrganizationId, Name = l.Organization?.Name ?? "", SortOrder = l.Organization?.SortOrder ?? 0 })
                .OrderBy(g => g.Key.SortOrder).ThenBy(g => g.Key.OrganizationId)
                .Select(g => new PublicCatalogueOrganization(g.Key.OrganizationId, g.Key.Name, g
                    .GroupBy(l => l.Category).OrderBy(c => c.Key)
                    .Select(c => new PublicCatalogueCategory(c.Key, c.OrderByDescending(l => l.Standing).ThenBy(l => l.Id)
                        .Select(l => Line(l, today, visible, onDisplay)).ToList()))
                    .ToList()))
                .ToList();
            return new PublicCatalogueView(year, catalogue.Title, organizations, years) { OrganizationId = organizationId };
        });

    private PublicCatalogueLine Line(CatalogueItem line, DateOnly today, HashSet<int> visible, HashSet<int> onDisplay) =>
        new(line.Id, line.Title, line.Description, line.Channels, line.Audience, line.Cadence, line.Standing,
            line.Standing ? onDisplay.Contains(line.Id) : null,
            line.Occurrences.OrderBy(o => o.PeriodStart).ThenBy(o => o.Sequence).Select(o =>
            {
                DateOnly? fulfilledOn = o.FulfilledAtUtc is { } at ? DateOnly.FromDateTime(clock.ToLocal(at)) : null;
                var status = PublicOccurrenceStatuses.Of(o, today, fulfilledOn);
                var link = o.DisclosureId is { } id && visible.Contains(id) ? id : (int?)null;
                return new PublicOccurrence(o.Label, o.DueDate, status, link, fulfilledOn);
            }).ToList());

    /// <summary>Past items (<see cref="DisclosureRules.PastAt"/>) the asker may see, filtered, searched and paged, newest first.</summary>
    public Task<Result<BoardHistoryView>> HistoryAsync(BoardFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            filter = filter with { Query = BoardService.Normalize(filter.Query) };
            var past = db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor)).Where(DisclosureRules.PastAt(clock.UtcNow));
            var firstShown = await past.MinAsync(d => (DateTime?)d.DisplayFromUtc, cancellationToken);
            var thisYear = clock.Today.Year;
            var firstYear = firstShown is { } f ? Math.Min(clock.ToLocal(f).Year, thisYear) : thisYear;
            var years = Enumerable.Range(firstYear, thisYear - firstYear + 1).Reverse().ToList();
            // A select of every organization suits a small bureau; at scale it would outweigh the page (the chosen one rides along hidden).
            var choosesOrganization = await db.Organizations.CountAsync(o => o.IsActive, cancellationToken) <= options.Value.OrganizationsOnOnePage;
            IReadOnlyList<OrganizationOption> organizations = choosesOrganization
                ? await db.Organizations.AsNoTracking().Where(o => o.IsActive)
                    .OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new OrganizationOption(o.Id, o.Name)).ToListAsync(cancellationToken)
                : [];

            var items = BoardService.Filtered(db, past, filter.Query, filter.OrganizationId, filter.Category);
            if (filter.Year is { } year)
            {
                var from = clock.StartOfDayUtc(new DateOnly(year, 1, 1));
                var until = clock.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
                items = items.Where(d => d.DisplayFromUtc >= from && d.DisplayFromUtc < until);
            }
            var total = await items.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Min(filter.Page, pageCount);
            var rows = await items
                .OrderByDescending(d => d.DisplayFromUtc).ThenByDescending(d => d.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(d => new BoardHistoryEntry(d.Id, d.Title, d.Organization!.Name, d.Category, d.RevisionNumber, d.DisplayFromUtc,
                    d.ClosedAtUtc ?? d.DisplayUntilUtc, d.SupersededByDisclosureId != null))
                .ToListAsync(cancellationToken);
            return new BoardHistoryView(filter with { Page = page }, rows, total, pageCount, organizations, years)
            {
                ChoosesOrganization = choosesOrganization,
            };
        });
}
