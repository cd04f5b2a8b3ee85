using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>
/// Records that a printed board went up on the physical 公开栏, with a photo as proof and the items it carried
/// (<see cref="BoardPostingRules"/>), and lists the records. The Office and Leaders see every posting; anyone else those of
/// their own organization. The photo is stored as attachments are (<see cref="UploadStore"/>), images only.
/// </summary>
public sealed class BoardPostingService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    SettingsService settings,
    IOptions<StorageOptions> storage,
    BureauClock clock,
    Outcomes outcomes,
    IValidator<RecordBoardPostingRequest> validator,
    IStringLocalizer<PostingStrings> text)
{
    /// <summary>The most postings one page of the list may ask for.</summary>
    public const int MaxPageSize = 100;

    public static readonly IReadOnlySet<string> PhotoTypes = new HashSet<string> { "image/png", "image/jpeg", "image/webp" };

    public Task<Result<BoardPostingListView>> ListAsync(BoardPostingFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.SeesWholeBureau || actor.Organizations.Count > 0);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = Visible(db, actor);
            var quarters = (await query.Select(p => p.PostedOn).Distinct().ToListAsync(cancellationToken))
                .Select(d => (d.Year, Quarter: (d.Month - 1) / 3 + 1)).Distinct().OrderByDescending(q => q.Year).ThenByDescending(q => q.Quarter).ToList();
            if (filter.OrganizationId is { } organizationId) query = query.Where(p => p.OrganizationId == organizationId);
            if (filter is { Year: { } year, Quarter: { } quarter and >= 1 and <= 4 })
            {
                var from = new DateOnly(year, 3 * (quarter - 1) + 1, 1);
                var to = from.AddMonths(3);
                query = query.Where(p => p.PostedOn >= from && p.PostedOn < to);
            }
            var total = await query.CountAsync(cancellationToken);
            var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
            var rows = await RowsAsync(db, query, cancellationToken, Math.Max(0, filter.Page) * size, size);
            var organizations = actor.SeesWholeBureau ? OrganizationScope.All : OrganizationScope.Of(actor.Organizations);
            var recordable = actor.IsInRole(Roles.Office) ? organizations
                : OrganizationScope.Of(actor.Organizations.Where(id => BoardPostingRules.MayRecord(actor, id)));
            return new BoardPostingListView(rows, organizations, recordable, quarters, total);
        });

    /// <summary>The postings of an organization between two days (inclusive), for an inspection of it; empty for those who may not see them.</summary>
    public async Task<IReadOnlyList<BoardPostingRow>> OfOrganizationAsync(int organizationId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!AccessPolicy.CanSeeOrganizationWork(actor, organizationId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.BoardPostings.AsNoTracking().Where(p => p.OrganizationId == organizationId && p.PostedOn >= from && p.PostedOn <= to);
        return await RowsAsync(db, query, cancellationToken);
    }

    /// <summary>The Board-channel items of the organization (and those under it) on display on <paramref name="day"/>, that the asker may see.</summary>
    public Task<Result<IReadOnlyList<PostingCandidate>>> CandidatesAsync(int organizationId, DateOnly day, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<PostingCandidate>>(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(BoardPostingRules.MayRecord(actor, organizationId), "Access.NotYourOrganization");
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var tree = await TreeAsync(db, organizationId, cancellationToken);
            var loaded = await LoadItemsAsync(db, actor, tree, null, day, cancellationToken);
            return loaded.Where(x => BoardPostingRules.CanCarry(x.Item, tree, day, clock.Zone))
                .Select(x => new PostingCandidate(x.Item.DisclosureId, x.Title, x.OrganizationName)).ToList();
        });

    public Task<Result<int>> RecordAsync(RecordBoardPostingRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(BoardPostingRules.MayRecord(actor, request.OrganizationId), "Access.NotYourOrganization");
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            var maxMegabytes = (await settings.GetAsync(cancellationToken)).AttachmentMaxMegabytes;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId && o.IsActive, cancellationToken)) throw new NotFoundException();
            var day = DateOnly.FromDateTime(request.PostedOn!.Value);
            var tree = await TreeAsync(db, request.OrganizationId, cancellationToken);
            var ids = request.DisclosureIds.Distinct().ToList();
            var items = (await LoadItemsAsync(db, actor, null, ids, day, cancellationToken)).Select(x => x.Item).ToList();
            // An id the asker may not see, or that does not exist, is refused as an item the board could not carry.
            if (items.Count != ids.Count) throw new DomainRuleException("BoardPosting.ItemNotOnDisplay");
            var problems = BoardPostingRules.Problems(day, clock.Today, items, tree, clock.Zone);
            if (problems.Count > 0) throw new DomainRuleException(problems[0]);

            var name = UploadStore.SafeName(request.PhotoFileName);
            var directory = Path.Combine(storage.Value.UploadsDirectory, "postings");
            var outcome = await UploadStore.StoreAsync(directory, storage.Value.DataDirectory, name, new MemoryStream(request.PhotoContent, writable: false),
                maxMegabytes * 1024L * 1024L, PhotoTypes, cancellationToken);
            var file = outcome.File;
            if (file is null)
            {
                var key = outcome.RefusalKey!.Replace("Attachment.", "Photo.", StringComparison.Ordinal);
                throw new ValidationException([new ValidationFailure(nameof(request.PhotoContent), text[key, outcome.Arguments])]);
            }
            try
            {
                var posting = new BoardPosting(request.OrganizationId, day, request.Location,
                    new StoredPhoto(name, file.ContentType, file.Size, file.Sha256, file.RelativePath), items, tree, actor, clock.UtcNow, clock.Zone);
                db.BoardPostings.Add(posting);
                await db.SaveChangesAsync(cancellationToken);
                return posting.Id;
            }
            catch
            {
                File.Delete(Path.Combine(storage.Value.DataDirectory, file.RelativePath));
                throw;
            }
        });

    /// <summary>The photo to serve, or NotFound when it is missing or the asker may not see the posting.</summary>
    public Task<Result<PostingPhoto>> GetPhotoAsync(int postingId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var posting = await Visible(db, actor).FirstOrDefaultAsync(p => p.Id == postingId, cancellationToken) ?? throw new NotFoundException();
            var path = Path.Combine(storage.Value.DataDirectory, posting.PhotoStoredPath);
            if (!File.Exists(path)) throw new NotFoundException();
            return new PostingPhoto(path, posting.PhotoFileName, posting.PhotoContentType);
        });

    private static IQueryable<BoardPosting> Visible(AppDbContext db, Actor actor)
    {
        var query = db.BoardPostings.AsNoTracking();
        if (actor.SeesWholeBureau) return query;
        var own = actor.IsAuthenticated ? actor.Organizations.ToList() : [];
        return query.Where(p => own.Contains(p.OrganizationId));
    }

    private static async Task<IReadOnlyList<BoardPostingRow>> RowsAsync(AppDbContext db, IQueryable<BoardPosting> query, CancellationToken cancellationToken,
        int skip = 0, int take = int.MaxValue)
    {
        var postings = await query.OrderByDescending(p => p.PostedOn).ThenByDescending(p => p.Id)
            .Skip(skip).Take(take)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new
            {
                p.Id, p.OrganizationId, OrganizationName = o.Name, p.PostedOn, p.Location, p.RecordedByName, p.RecordedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var ids = postings.Select(p => p.Id).ToList();
        var titles = (await db.BoardPostingItems.AsNoTracking().Where(i => ids.Contains(i.BoardPostingId))
                .Join(db.Disclosures, i => i.DisclosureId, d => d.Id, (i, d) => new { i.BoardPostingId, d.Id, d.Title })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.BoardPostingId, x => x);
        return postings.Select(p => new BoardPostingRow(p.Id, p.OrganizationId, p.OrganizationName, p.PostedOn, p.Location, p.RecordedByName,
            p.RecordedAtUtc, titles[p.Id].OrderBy(x => x.Id).Select(x => x.Title).ToList())).ToList();
    }

    /// <summary>The organization and every organization under it (scope follows the tree).</summary>
    private static async Task<IReadOnlySet<int>> TreeAsync(AppDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        var all = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToListAsync(cancellationToken);
        var tree = new HashSet<int> { organizationId };
        var added = true;
        while (added)
        {
            added = false;
            foreach (var o in all.Where(o => o.ParentId is { } parent && tree.Contains(parent) && !tree.Contains(o.Id))) added |= tree.Add(o.Id);
        }
        return tree;
    }

    private sealed record LoadedItem(PostableItem Item, string Title, string OrganizationName);

    // Only items published before the day ended can have been on display that day; the rest of the rule is the domain's, in memory.
    private async Task<IReadOnlyList<LoadedItem>> LoadItemsAsync(AppDbContext db, Actor actor, IReadOnlySet<int>? tree, IReadOnlyList<int>? ids,
        DateOnly day, CancellationToken cancellationToken)
    {
        var query = db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor));
        if (tree is not null)
        {
            var organizationIds = tree.ToList();
            var endUtc = clock.StartOfDayUtc(day.AddDays(1));
            query = query.Where(d => organizationIds.Contains(d.OrganizationId) && (d.Channels & Channel.Board) == Channel.Board
                && d.PublishedAtUtc != null && d.PublishedAtUtc < endUtc);
        }
        if (ids is not null) query = query.Where(d => ids.Contains(d.Id));
        var rows = await query.OrderBy(d => d.Organization!.SortOrder).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id, d.OrganizationId, d.Channels, d.State, d.PublishedAtUtc, d.ClosedAtUtc, d.WithdrawnAtUtc, d.DisplayUntilUtc, d.Title,
                OrganizationName = d.Organization!.Name,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(d => new LoadedItem(
            new PostableItem(d.Id, d.OrganizationId, d.Channels,
                StandingRules.Displayed(d.State, d.PublishedAtUtc, d.ClosedAtUtc, d.WithdrawnAtUtc, d.DisplayUntilUtc)),
            d.Title, d.OrganizationName)).ToList();
    }
}
