using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Catalogues.Comparison;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>
/// Editing a draft catalogue and taking it through approval (§5(二)1). Items change only while the catalogue
/// is a draft (the entity guards it); the Office edits every organization's items, a Secretary or Drafter
/// proposes items for their own. Approval by a Leader or the Office puts the catalogue in force and schedules it.
/// </summary>
public sealed class CatalogueEditService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<CatalogueItemRequest> validator,
    WorkingDayService workingDays,
    SettingsService settings,
    BureauClock clock,
    IStringLocalizer<CatalogueStrings> text,
    Outcomes outcomes)
{
    /// <summary>
    /// What the page needs beside the grid: the version to act on, the review comment and how many lines depart from the city
    /// template. The lines are compared here and let go: the workspace the page keeps carries only the counts (issue 21).
    /// </summary>
    public Task<Result<CatalogueWorkspace>> GetWorkspaceAsync(int catalogueId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogue = await db.Catalogues.AsNoTracking()
                .Where(c => c.Id == catalogueId)
                .Select(c => new { c.Id, c.Version, c.State, c.ReviewComment, HasTemplate = c.TemplateJson != null, c.SubmittedById })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var summary = catalogue.HasTemplate
                ? TemplateComparisonSummary.Of((await CompareWithTemplateAsync(db, catalogueId, RowFormat.Invariant, cancellationToken))!)
                : null;
            return new CatalogueWorkspace(catalogue.Id, catalogue.Version, catalogue.State, catalogue.ReviewComment, summary,
                catalogue.SubmittedById);
        });

    /// <summary>
    /// The departures from the city template as the open compare panel lists them: every count, and at most
    /// <paramref name="limit"/> lines of each kind; null when the catalogue was not started from the template.
    /// </summary>
    public Task<Result<TemplateComparisonView?>> GetTemplateComparisonAsync(int catalogueId, RowFormat format, int limit,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Catalogues.AnyAsync(c => c.Id == catalogueId, cancellationToken)) throw new NotFoundException();
            var result = await CompareWithTemplateAsync(db, catalogueId, format, cancellationToken);
            return result is null ? null : TemplateComparisonView.Of(result, Math.Max(0, limit));
        });

    // The lines in force against the template kept on the catalogue, compared by the one comparison; the body templates
    // (up to 32 KB a line) are left in the database: comparisons leave them out.
    private static async Task<CatalogueComparisonResult?> CompareWithTemplateAsync(AppDbContext db, int catalogueId, RowFormat format,
        CancellationToken cancellationToken)
    {
        var json = await db.Catalogues.AsNoTracking().Where(c => c.Id == catalogueId).Select(c => c.TemplateJson)
            .FirstOrDefaultAsync(cancellationToken);
        if (json is null) return null;
        var current = await db.CatalogueItems.AsNoTracking()
            .Where(i => i.CatalogueId == catalogueId && !i.IsRetired)
            .OrderBy(i => i.Id)
            .Select(i => new CatalogueRow(i.Organization!.Name, i.Category, i.Title, i.Description, i.Channels, i.Audience, i.Cadence,
                i.Standing, i.ResponsiblePerson, i.Phases, ""))
            .ToListAsync(cancellationToken);
        return CatalogueComparison.Compare(CatalogueRow.ListFromJson(json), current, format);
    }

    /// <summary>An item as the edit form starts from it, with the version the person saw.</summary>
    public Task<Result<(CatalogueItemRequest Request, int Version)>> GetItemAsync(int itemId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var item = await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken)
                ?? throw new NotFoundException();
            return (CatalogueItemRequest.From(item), item.Version);
        });

    /// <summary>The Office starts an empty draft for a year that has none (the city template import is the other way in).</summary>
    public Task<Result<int>> CreateDraftAsync(int year, string title, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanEditCatalogue(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Catalogues.AnyAsync(c => c.Year == year, cancellationToken))
                throw new ValidationException([new ValidationFailure("Year", text["Catalogue.YearExists", year])]);
            var catalogue = new Catalogue(year, title.Trim().Length > 0 ? title.Trim() : $"{year}年度党务公开目录", null, actor, clock.UtcNow);
            db.Catalogues.Add(catalogue);
            await db.SaveChangesAsync(cancellationToken);
            return catalogue.Id;
        });

    public Task<Result<int>> AddItemAsync(int catalogueId, CatalogueItemRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanProposeCatalogueItem(actor, request.OrganizationId!.Value), "Access.NotYourOrganization");
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogue = await db.Catalogues.FirstOrDefaultAsync(c => c.Id == catalogueId, cancellationToken) ?? throw new NotFoundException();
            await EnsureOrganizationAsync(db, request.OrganizationId.Value, cancellationToken);
            var item = catalogue.AddItem(request.ToItem(CatchAllMark(actor, request, null)));
            await db.SaveChangesAsync(cancellationToken);
            return item.Id;
        });

    public Task<Result> UpdateItemAsync(int itemId, int expectedVersion, CatalogueItemRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (catalogue, item) = await LoadItemAsync(db, itemId, cancellationToken);
            // Both the organization it belongs to and the one it would move to must be the person's.
            AccessPolicy.Ensure(AccessPolicy.CanProposeCatalogueItem(actor, item.OrganizationId)
                && AccessPolicy.CanProposeCatalogueItem(actor, request.OrganizationId!.Value), "Access.NotYourOrganization");
            catalogue.EnsureEditable();
            if (item.Version != expectedVersion) throw new ConcurrencyConflictException();
            if (request.OrganizationId != item.OrganizationId)
            {
                // The organization of an item is fixed once created: moving it is a removal and an addition.
                await EnsureOrganizationAsync(db, request.OrganizationId!.Value, cancellationToken);
                catalogue.RemoveItem(item);
                catalogue.AddItem(request.ToItem(CatchAllMark(actor, request, item)));
            }
            else
            {
                item.Update(request.Category, request.Title, request.Description, request.Channels, request.Audience, request.Cadence,
                    request.Standing, request.ResponsiblePerson, request.PhaseList());
                item.MarkCatchAll(CatchAllMark(actor, request, item));
            }
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Only the Office marks a line as catch-all; anyone else's edit keeps the mark it had.</summary>
    private static bool CatchAllMark(Actor actor, CatalogueItemRequest request, CatalogueItem? current) =>
        AccessPolicy.CanEditCatalogue(actor) ? request.IsCatchAll : current?.IsCatchAll ?? false;

    public Task<Result> RemoveItemAsync(int itemId, int expectedVersion, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (catalogue, item) = await LoadItemAsync(db, itemId, cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanProposeCatalogueItem(actor, item.OrganizationId), "Access.NotYourOrganization");
            catalogue.EnsureEditable();
            if (item.Version != expectedVersion) throw new ConcurrencyConflictException();
            catalogue.RemoveItem(item);
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>
    /// The Office drops a draft catalogue with its items, so the year can be started again; the audit keeps that it was.
    /// Past draft the catalogue refuses: it is being decided on, or it is the year's record.
    /// </summary>
    public Task<Result> DiscardAsync(int catalogueId, int expectedVersion, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanEditCatalogue(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogue = await db.Catalogues.Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == catalogueId, cancellationToken)
                ?? throw new NotFoundException();
            catalogue.EnsureVersion(expectedVersion);
            catalogue.Discard(actor, clock.UtcNow);
            db.Catalogues.Remove(catalogue);
            await db.SaveChangesAsync(cancellationToken);
        });

    public Task<Result> SubmitAsync(int catalogueId, int expectedVersion, CancellationToken cancellationToken = default) =>
        TransitionAsync(catalogueId, expectedVersion, AccessPolicy.CanEditCatalogue, (c, actor, now) =>
        {
            c.Submit(actor, now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Approval puts the catalogue in force and expands every regular item into its dated occurrences.</summary>
    public Task<Result> ApproveAsync(int catalogueId, int expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
        TransitionAsync(catalogueId, expectedVersion, AccessPolicy.CanApproveCatalogue, async (c, actor, now) =>
        {
            var calendar = await workingDays.GetCalendarAsync(cancellationToken);
            var rules = (await settings.GetAsync(cancellationToken)).DueRules;
            c.ApproveIntoForce(actor, now, calendar, rules, comment, clock.Today);
        }, cancellationToken);

    public Task<Result> RejectAsync(int catalogueId, int expectedVersion, string comment, CancellationToken cancellationToken = default) =>
        TransitionAsync(catalogueId, expectedVersion, AccessPolicy.CanApproveCatalogue, (c, actor, now) =>
        {
            c.Reject(actor, now, comment);
            return Task.CompletedTask;
        }, cancellationToken);

    private Task<Result> TransitionAsync(int catalogueId, int expectedVersion, Func<Actor, bool> allowed,
        Func<Catalogue, Actor, DateTime, Task> move, CancellationToken cancellationToken) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(allowed(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogue = await db.Catalogues.Include(c => c.Items).ThenInclude(i => i.Occurrences)
                .FirstOrDefaultAsync(c => c.Id == catalogueId, cancellationToken) ?? throw new NotFoundException();
            catalogue.EnsureVersion(expectedVersion);
            await move(catalogue, actor, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        });

    private static async Task<(Catalogue, CatalogueItem)> LoadItemAsync(AppDbContext db, int itemId, CancellationToken cancellationToken)
    {
        var catalogueId = await db.CatalogueItems.Where(i => i.Id == itemId).Select(i => (int?)i.CatalogueId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var catalogue = await db.Catalogues.Include(c => c.Items).FirstAsync(c => c.Id == catalogueId, cancellationToken);
        return (catalogue, catalogue.Items.Single(i => i.Id == itemId));
    }

    private static async Task EnsureOrganizationAsync(AppDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.IsActive, cancellationToken)) throw new NotFoundException();
    }
}
