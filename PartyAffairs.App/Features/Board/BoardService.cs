using Microsoft.EntityFrameworkCore;
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
    Outcomes outcomes)
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
            var search = Normalize(query);
            var onDisplay = OnDisplay(db, actor);
            var choices = await OrganizationsWithAsync(db, onDisplay, cancellationToken);
            var items = Filtered(db, onDisplay, search, organizationId, category);
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
                .Select(g => new BoardOrganizationGroup(g.Key.OrganizationId, g.Key.OrganizationName,
                    g.Select(r => r.Entry).GroupBy(e => e.Category).OrderBy(c => c.Key)
                        .Select(c => new BoardCategoryGroup(c.Key, Newest(c.Where(e => e.Standing)), Newest(c.Where(e => !e.Standing))))
                        .ToList()))
                .ToList();
            return new BoardView(search, groups, organizationId, category, choices);
        });

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
    /// something to print, to choose from.
    /// </summary>
    public Task<Result<BoardPrintView>> PrintAsync(int? organizationId, bool internalChosen = false, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var includesInternal = PrintedBoard.IncludesInternal(actor, internalChosen);
            var printable = OnDisplay(db, actor).Where(PrintedBoard.Holds(actor, internalChosen));
            var organizations = await OrganizationsWithAsync(db, printable, cancellationToken);
            if (organizationId is not { } orgId) return new BoardPrintView(null, null, [], organizations, includesInternal);
            var items = await ItemsAsync(db, printable.Where(d => d.OrganizationId == orgId), cancellationToken);
            var name = organizations.FirstOrDefault(o => o.Id == orgId)?.Name
                ?? await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            return new BoardPrintView(orgId, name, items, organizations, includesInternal);
        });

    /// <summary>The <paramref name="index"/>th item on display (of one organization, or of the bureau), wrapping round.</summary>
    public Task<Result<BoardScreenView>> ScreenAsync(int? organizationId, int index, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            string? name = null;
            var query = OnDisplay(db, actor);
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
            var next = await Shown(db, actor).Where(d => d.RevisesDisclosureId == id)
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
    /// matched by id inside the access-checked query.
    /// </summary>
    internal static IQueryable<Disclosure> Filtered(AppDbContext db, IQueryable<Disclosure> items, string? search, int? organizationId, Category? category)
    {
        if (FullTextSearch.Words(search) is { Count: > 0 } words)
        {
            var ids = FullTextSearch.RowIds(db, "DisclosureSearch", SearchColumns, words);
            items = items.Where(d => ids.Contains((long)d.Id));
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
