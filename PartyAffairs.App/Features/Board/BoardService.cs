using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Publishing.Lifecycle;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// The public read side of the board (公开栏): every query starts from <see cref="AccessPolicy.Sees"/> for the person
/// asking (anonymous visitors included), so the board, an item's page, the printed board and the lobby screen can
/// never show more than that one rule allows. The board itself shows only what is on display now; an item's page
/// also shows a published item whose period has ended, or a closed one. Anything else is "not found".
/// </summary>
public sealed class BoardService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    IOptions<BoardOptions> options)
{
    /// <summary>A search is a few words; a longer one is cut rather than refused.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>The columns of the <c>DisclosureSearch</c> FTS table: the title, and the body's and attachments' text.</summary>
    private static readonly string[] SearchColumns = ["Title", "Text"];

    public Task<Result<BoardView>> ListAsync(string? query, CancellationToken cancellationToken = default) =>
        ListAsync(query, null, null, cancellationToken);

    /// <summary>The board, narrowed by a search and optionally to one organization and one category.</summary>
    public Task<Result<BoardView>> ListAsync(string? query, int? organizationId, Category? category, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await WholeAsync(db, OnDisplay(db, actor), query, organizationId, category, cancellationToken);
        });

    /// <summary>
    /// The board as <c>/board</c> shows it: below the threshold (<see cref="BoardOptions.OrganizationsOnOnePage"/>,
    /// <see cref="BoardOptions.ItemsOnOnePage"/>) the whole board as <see cref="ListAsync(string?, int?, Category?, CancellationToken)"/>
    /// gives it; above it one organization's items a page at a time, search results a page at a time, or without either the
    /// directory of organizations and the newest items. Every count and page is taken in SQL from the access-checked query.
    /// </summary>
    public Task<Result<BoardView>> BrowseAsync(BoardFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var onDisplay = OnDisplay(db, actor);
            var counts = await CountsAsync(onDisplay, cancellationToken);
            if (!AtScale(counts)) return await WholeAsync(db, onDisplay, filter.Query, filter.OrganizationId, filter.Category, cancellationToken);
            var settings = options.Value;
            var search = Normalize(filter.Query);
            var view = new BoardView(search, [], filter.OrganizationId, filter.Category) { AtScale = true };
            if (filter.OrganizationId is { } orgId)
            {
                var name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
                var items = Filtered(db, onDisplay, search, orgId, filter.Category, narrowed: true);
                var (total, page, pageCount) = await PagingAsync(items, filter.Page, settings.PageSize, cancellationToken);
                // Category by category, standing before current, newest first: a page holds whole runs of the columns it shows.
                var rows = await items
                    .OrderBy(d => d.Category).ThenByDescending(d => d.Standing)
                    .ThenByDescending(d => d.PublishedAtUtc ?? d.DisplayFromUtc).ThenByDescending(d => d.Id)
                    .Skip((page - 1) * settings.PageSize).Take(settings.PageSize)
                    .Select(Entry).ToListAsync(cancellationToken);
                IReadOnlyList<BoardOrganizationGroup> groups = rows.Count == 0 ? [] : [new BoardOrganizationGroup(orgId, name ?? "", Categories(rows))];
                return view with { Organizations = groups, OrganizationName = name, Total = total, Page = page, PageCount = pageCount };
            }
            if (search is not null || filter.Category is not null)
            {
                var items = Filtered(db, onDisplay, search, null, filter.Category, narrowed: true);
                var (total, page, pageCount) = await PagingAsync(items, filter.Page, settings.PageSize, cancellationToken);
                var rows = await Newest(items).Skip((page - 1) * settings.PageSize).Take(settings.PageSize).Select(Entry).ToListAsync(cancellationToken);
                return view with { Results = rows, Total = total, Page = page, PageCount = pageCount };
            }
            var recent = await Newest(onDisplay).Take(settings.RecentItems).Select(Entry).ToListAsync(cancellationToken);
            var directory = await DirectoryAsync(db, counts, filter.Page, cancellationToken);
            return view with { Results = recent, Directory = directory, Total = directory.Items, Page = directory.Page, PageCount = directory.PageCount };
        });

    private static async Task<BoardView> WholeAsync(AppDbContext db, IQueryable<Disclosure> onDisplay, string? query, int? organizationId,
        Category? category, CancellationToken cancellationToken)
    {
        var search = Normalize(query);
        var choices = await OrganizationsWithAsync(db, onDisplay, cancellationToken);
        var items = Filtered(db, onDisplay, search, organizationId, category, narrowed: true);
        var rows = await items
            .Select(d => new
            {
                Entry = new BoardEntry(d.Id, d.Title, d.OrganizationId, d.Organization!.Name, d.Category, d.Standing, d.RevisionNumber,
                    d.PublishedAtUtc ?? d.DisplayFromUtc, d.DisplayFromUtc, d.DisplayUntilUtc),
                d.Organization!.SortOrder,
            })
            .ToListAsync(cancellationToken);
        var groups = rows
            .GroupBy(r => new { r.Entry.OrganizationId, r.Entry.OrganizationName, r.SortOrder })
            .OrderBy(g => g.Key.SortOrder).ThenBy(g => g.Key.OrganizationId)
            .Select(g => new BoardOrganizationGroup(g.Key.OrganizationId, g.Key.OrganizationName, Categories(g.Select(r => r.Entry))))
            .ToList();
        return new BoardView(search, groups, organizationId, category, choices);
    }

    private static readonly Expression<Func<Disclosure, BoardEntry>> Entry = d => new BoardEntry(d.Id, d.Title, d.OrganizationId,
        d.Organization!.Name, d.Category, d.Standing, d.RevisionNumber, d.PublishedAtUtc ?? d.DisplayFromUtc, d.DisplayFromUtc, d.DisplayUntilUtc);

    private static IReadOnlyList<BoardCategoryGroup> Categories(IEnumerable<BoardEntry> entries) =>
        entries.GroupBy(e => e.Category).OrderBy(c => c.Key)
            .Select(c => new BoardCategoryGroup(c.Key, Newest(c.Where(e => e.Standing)), Newest(c.Where(e => !e.Standing))))
            .ToList();

    private static IQueryable<Disclosure> Newest(IQueryable<Disclosure> items) =>
        items.OrderByDescending(d => d.PublishedAtUtc ?? d.DisplayFromUtc).ThenByDescending(d => d.Id);

    /// <summary>Items per organization, counted in SQL.</summary>
    private static Task<Dictionary<int, int>> CountsAsync(IQueryable<Disclosure> items, CancellationToken cancellationToken) =>
        items.GroupBy(d => d.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>Whether the board is too big for one page: more organizations with items, or more items, than the settings allow.</summary>
    private bool AtScale(IReadOnlyDictionary<int, int> counts) =>
        counts.Count > options.Value.OrganizationsOnOnePage || counts.Values.Sum() > options.Value.ItemsOnOnePage;

    private static async Task<(int Total, int Page, int PageCount)> PagingAsync(IQueryable<Disclosure> items, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var total = await items.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (total, Math.Clamp(page, 1, pageCount), pageCount);
    }

    private Task<BoardDirectory> DirectoryAsync(AppDbContext db, IReadOnlyDictionary<int, int> counts, int page,
        CancellationToken cancellationToken) => BoardDirectory.ReadAsync(db, counts, page, options.Value.DirectoryPageSize, cancellationToken);

    /// <summary>An item's page: published or closed items the asker may see; a draft or a withdrawn item is not found, for staff too.</summary>
    public Task<Result<BoardItem>> GetItemAsync(int id, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var d = await Shown(db, actor)
                .Include(x => x.Organization)
                .Include(x => x.Attachments)
                .Include(x => x.Versions)
                .AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
                ?? throw new NotFoundException();

            var revisions = await ChainAsync(db, actor, d, cancellationToken);
            var previous = d.RevisesDisclosureId is { } previousId
                ? await Shown(db, actor).Where(x => x.Id == previousId).Select(DisclosureLifecycleService.Compared).FirstOrDefaultAsync(cancellationToken)
                : null;
            // A correction replaces the text, not what was answered about it: results disclosed on any version of the chain stay visible.
            var chainIds = revisions.Select(r => r.Id).ToList();
            var results = (await ResultsAsync(db, Shown(db, actor).Where(x => chainIds.Contains(x.Id)).Select(x => x.Id), cancellationToken))
                .Select(r => r.Result).ToList();
            var supersededBy = d.SupersededByDisclosureId is { } nextId ? revisions.FirstOrDefault(r => r.Id == nextId) : null;

            return new BoardItem(d.Id, d.Title, d.Organization?.Name ?? "", d.Category, d.Standing, d.Body,
                d.DisplayFromUtc, d.DisplayUntilUtc, d.PublishedAtUtc, d.ClosedAtUtc, d.IsOnDisplay(clock.UtcNow), d.RevisionNumber,
                d.Attachments.OrderBy(a => a.Id).Select(a => new BoardAttachment(a.Id, a.FileName, a.SizeBytes, a.TextState == AttachmentTextState.NoTextLayer)).ToList(),
                Versions(d.Versions),
                revisions,
                previous is null || d.RevisesDisclosureId is null
                    ? null
                    : DisclosureDiff.Between(d.RevisesDisclosureId.Value, previous.Text, new DisclosureText(d.Title, d.Body,
                        d.Attachments.OrderBy(a => a.Id).Select(a => new DiffedFile(a.FileName, a.Sha256)).ToList())),
                results, d.RevisionReason, supersededBy);
        });

    /// <summary>
    /// The items of one organization on display that belong on the printed board (<see cref="PrintedBoard"/>): Public
    /// ones, and internal ones too only when a signed-in asker chose them. Without an organization, the ones that have
    /// something to print, to choose from: at scale a page of the directory.
    /// </summary>
    public Task<Result<BoardPrintView>> PrintAsync(int? organizationId, bool internalChosen = false, int page = 1,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var includesInternal = PrintedBoard.IncludesInternal(actor, internalChosen);
            var printable = OnDisplay(db, actor).Where(PrintedBoard.Holds(actor, internalChosen));
            if (organizationId is null && await CountsAsync(printable, cancellationToken) is var counts && AtScale(counts))
            {
                return new BoardPrintView(null, null, [], [], includesInternal) { Directory = await DirectoryAsync(db, counts, page, cancellationToken) };
            }
            var organizations = await OrganizationsWithAsync(db, printable, cancellationToken);
            if (organizationId is not { } orgId) return new BoardPrintView(null, null, [], organizations, includesInternal);
            var items = await ItemsAsync(db, printable.Where(d => d.OrganizationId == orgId), cancellationToken);
            var name = organizations.FirstOrDefault(o => o.Id == orgId)?.Name
                ?? await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            return new BoardPrintView(orgId, name, items, organizations, includesInternal);
        });

    /// <summary>
    /// The <paramref name="index"/>th item on display (of one organization, or of the bureau), wrapping round; at scale,
    /// without an organization, a page of the organizations to choose from instead.
    /// </summary>
    public Task<Result<BoardScreenView>> ScreenAsync(int? organizationId, int index, int page = 1, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            string? name = null;
            var query = OnDisplay(db, actor);
            // At scale a screen shows one organization's items: the whole bureau's would take days to go round.
            if (organizationId is null && await CountsAsync(query, cancellationToken) is var counts && AtScale(counts))
            {
                return new BoardScreenView(null, null, null, 0, 0) { Directory = await DirectoryAsync(db, counts, page, cancellationToken) };
            }
            if (organizationId is { } orgId)
            {
                name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException();
                query = query.Where(d => d.OrganizationId == orgId);
            }
            var items = await ItemsAsync(db, query, cancellationToken);
            if (items.Count == 0) return new BoardScreenView(organizationId, name, null, 0, 0);
            var at = ((index % items.Count) + items.Count) % items.Count;
            return new BoardScreenView(organizationId, name, items[at], at, items.Count);
        });

    /// <summary>The items whole, in board order, each with its disclosed feedback results.</summary>
    private async Task<IReadOnlyList<BoardPrintItem>> ItemsAsync(AppDbContext db, IQueryable<Disclosure> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .OrderBy(d => d.Organization!.SortOrder).ThenByDescending(d => d.Standing).ThenBy(d => d.Category)
            .ThenByDescending(d => d.PublishedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Title, OrganizationName = d.Organization!.Name, d.Category, d.Standing, d.Audience, d.Body, d.DisplayFromUtc, d.DisplayUntilUtc })
            .ToListAsync(cancellationToken);
        var results = (await ResultsAsync(db, query.Select(d => d.Id), cancellationToken)).ToLookup(r => r.DisclosureId, r => r.Result);
        return rows.Select(r =>
        {
            var itemResults = results[r.Id].ToList();
            var length = r.Title.Length + BodyHtml.TextLength(r.Body) + itemResults.Sum(x => (x.Summary?.Length ?? 0) + x.Resolution.Length);
            return new BoardPrintItem(r.Id, r.Title, r.OrganizationName, r.Category, r.Standing, r.Audience, r.Body,
                r.DisplayFromUtc, r.DisplayUntilUtc, itemResults, length);
        }).ToList();
    }

    /// <summary>
    /// The disclosed feedback results of the given items, newest first: the handling result and the handler's summary,
    /// never the feedback text or who sent it; abusive feedback never shows.
    /// </summary>
    private static async Task<IReadOnlyList<(int DisclosureId, BoardResult Result)>> ResultsAsync(AppDbContext db, IQueryable<int> disclosureIds,
        CancellationToken cancellationToken)
    {
        var rows = await db.Feedback.AsNoTracking()
            .Where(f => f.DisclosureId != null && disclosureIds.Contains(f.DisclosureId.Value) && !f.IsAbusive
                && (f.State == FeedbackState.ResultDisclosed || f.State == FeedbackState.Closed) && f.Resolution != null)
            .OrderByDescending(f => f.ResultDisclosedAtUtc).ThenByDescending(f => f.Id)
            .Select(f => new { DisclosureId = f.DisclosureId!.Value, Result = new BoardResult(f.PublicSummary, f.Resolution!, f.ResultDisclosedAtUtc ?? f.ClosedAtUtc ?? f.ReceivedAtUtc) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.DisclosureId, r.Result)).ToList();
    }

    private static async Task<IReadOnlyList<OrganizationOption>> OrganizationsWithAsync(AppDbContext db, IQueryable<Disclosure> items,
        CancellationToken cancellationToken)
    {
        var withItems = items.Select(d => d.OrganizationId);
        return await db.Organizations.AsNoTracking()
            .Where(o => withItems.Contains(o.Id))
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new OrganizationOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What may appear on an item's page: published or closed, and seen by the asker.</summary>
    private static IQueryable<Disclosure> Shown(AppDbContext db, Actor actor) =>
        db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor))
            .Where(d => d.State == DisclosureState.Published || d.State == DisclosureState.Closed);

    private IQueryable<Disclosure> OnDisplay(AppDbContext db, Actor actor)
    {
        return db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor)).Where(DisclosureRules.OnDisplayAt(clock.UtcNow));
    }

    /// <summary>
    /// The re-disclosures before and after this item, walked link by link through items the asker may see; a link
    /// the asker may not see ends the walk, so the history never hints at what lies beyond it.
    /// </summary>
    private static async Task<IReadOnlyList<BoardRevision>> ChainAsync(AppDbContext db, Actor actor, Disclosure item, CancellationToken cancellationToken)
    {
        var chain = new List<BoardRevision> { Revision(item.Id, item.RevisionNumber, item.Title, item.PublishedAtUtc, item.DisplayFromUtc, true) };
        for (var previousId = item.RevisesDisclosureId; previousId is { } id && chain.Count < 50;)
        {
            var previous = await Shown(db, actor).Where(d => d.Id == id)
                .Select(d => new { d.Id, d.RevisionNumber, d.Title, d.PublishedAtUtc, d.DisplayFromUtc, d.RevisesDisclosureId })
                .FirstOrDefaultAsync(cancellationToken);
            if (previous is null) break;
            chain.Insert(0, Revision(previous.Id, previous.RevisionNumber, previous.Title, previous.PublishedAtUtc, previous.DisplayFromUtc, false));
            previousId = previous.RevisesDisclosureId;
        }
        for (var currentId = item.Id; chain.Count < 50;)
        {
            var id = currentId;
            // The corrections of this item first, by their own index; then only those the asker may see. In one query SQLite
            // walked every published row of the state index instead (1.5 s at a city, where nearly no item has a correction).
            var corrections = await db.Disclosures.AsNoTracking().Where(d => d.RevisesDisclosureId == id).Select(d => d.Id).ToListAsync(cancellationToken);
            if (corrections.Count == 0) break;
            var next = await Shown(db, actor).Where(d => corrections.Contains(d.Id))
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.RevisionNumber, d.Title, d.PublishedAtUtc, d.DisplayFromUtc })
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null) break;
            chain.Add(Revision(next.Id, next.RevisionNumber, next.Title, next.PublishedAtUtc, next.DisplayFromUtc, false));
            currentId = next.Id;
        }
        return chain;
    }

    private static BoardRevision Revision(int id, int number, string title, DateTime? publishedAtUtc, DateTime displayFromUtc, bool isThis) =>
        new(id, number, title, publishedAtUtc ?? displayFromUtc, isThis);

    private static IReadOnlyList<BoardVersion> Versions(IEnumerable<DisclosureVersion> versions)
    {
        var ordered = versions.OrderBy(v => v.Number).ToList();
        return ordered.Select((v, i) => i == 0
                ? new BoardVersion(v.Number, v.CreatedAtUtc, [], new BodyDiff([]))
                : new BoardVersion(v.Number, v.CreatedAtUtc, DisclosureDiff.Lines(ordered[i - 1].Title, v.Title), BodyDiff.Between(ordered[i - 1].Body, v.Body)))
            .Reverse()
            .ToList();
    }

    private static IReadOnlyList<BoardEntry> Newest(IEnumerable<BoardEntry> entries) =>
        entries.OrderByDescending(e => e.PublishedAtUtc).ThenByDescending(e => e.Id).ToList();

    /// <summary>
    /// Narrows what the asker may see by a search, an organization and a category. Search only narrows: the FTS rows are
    /// matched by id inside the access-checked query. A word of three characters or more is found through the FTS index. A
    /// shorter one has no trigram and is matched with LIKE: when <paramref name="narrowed"/> (the items on display, a few
    /// thousand at a city) it is looked for in the FTS row of each of those items, instead of in all 300,000 rows of the table
    /// (党费 at a city: 2.3 s of scanning, twice, for the count and the page); otherwise every row is scanned once.
    /// </summary>
    internal static IQueryable<Disclosure> Filtered(AppDbContext db, IQueryable<Disclosure> items, string? search, int? organizationId, Category? category,
        bool narrowed = false)
    {
        if (FullTextSearch.Words(search) is { Count: > 0 } words)
        {
            var scanned = narrowed ? FullTextSearch.Phrases(words) : words;
            if (scanned.Count > 0)
            {
                var ids = FullTextSearch.RowIds(db, "DisclosureSearch", SearchColumns, scanned);
                items = items.Where(d => ids.Contains(d.Id));
            }
            if (narrowed)
            {
                foreach (var word in FullTextSearch.ShortWords(words))
                {
                    // Lower case on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
                    var pattern = FullTextSearch.LikePattern(word).ToLowerInvariant();
                    items = items.Where(d => db.Set<DisclosureSearchRow>().Any(s => s.RowId == d.Id
                        && (EF.Functions.Like(s.Title.ToLower(), pattern, FullTextSearch.LikeEscape)
                            || EF.Functions.Like(s.Text.ToLower(), pattern, FullTextSearch.LikeEscape))));
                }
            }
        }
        if (organizationId is { } orgId) items = items.Where(d => d.OrganizationId == orgId);
        if (category is { } c) items = items.Where(d => d.Category == c);
        return items;
    }

    internal static string? Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var trimmed = query.Trim();
        return trimmed.Length > MaxQueryLength ? trimmed[..MaxQueryLength] : trimmed;
    }

}
