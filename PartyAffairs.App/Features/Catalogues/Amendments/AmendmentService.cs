using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Amendments;

/// <summary>
/// A catalogue in force changes only through an amendment, approved as the catalogue was. The Office opens an
/// amendment with a reason, submits it and may propose any change; a Secretary or Drafter may add changes to an
/// open (draft) amendment for their own organization's items only. A Leader or the Office approves or sends it back;
/// approval applies the changes to the catalogue in the same transaction.
/// </summary>
public sealed class AmendmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<CatalogueItemRequest> validator,
    WorkingDayService workingDays,
    SettingsService settings,
    BureauClock clock,
    IStringLocalizer<CatalogueStrings> text,
    Outcomes outcomes)
{
    public Task<Result<IReadOnlyList<AmendmentView>>> ListAsync(int catalogueId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<AmendmentView>>(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var amendments = await db.CatalogueAmendments.AsNoTracking().Include(a => a.Changes)
                .Where(a => a.CatalogueId == catalogueId).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
            var itemIds = amendments.SelectMany(a => a.Changes).Select(c => c.CatalogueItemId).OfType<int>().Distinct().ToList();
            var items = await db.CatalogueItems.AsNoTracking().Include(i => i.Organization)
                .Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            return amendments.Select(a => new AmendmentView(a.Id, a.State, a.Version, a.Reason, a.CreatedAtUtc, a.ReviewComment,
                a.Changes.OrderBy(c => c.Id).Select(c => View(a, c, items)).ToList())).ToList();
        });

    /// <summary>
    /// The item before the change is the one recorded with it. An open amendment without a record (drawn up before records
    /// were kept) compares against the item in force, which nothing else may change meanwhile; a decided one never does:
    /// the item in force may hold its new values by now, so the old ones are said to be unrecorded rather than invented.
    /// </summary>
    private static AmendmentChangeView View(CatalogueAmendment amendment, CatalogueAmendmentChange change, IReadOnlyDictionary<int, CatalogueItem> items)
    {
        var before = change.BeforeItemJson is { } json ? CatalogueRow.FromJson(json)
            : amendment.Open && change.CatalogueItemId is { } id && items.TryGetValue(id, out var item) ? CatalogueRow.From(item, item.Organization!.Name)
            : null;
        var unrecorded = before is null && change.Kind != AmendmentChangeKind.Add;
        // A retired item with nothing recorded still has a name: the item, which retiring does not alter.
        if (unrecorded && change.Kind == AmendmentChangeKind.Retire && change.CatalogueItemId is { } retired && items.TryGetValue(retired, out var gone))
        {
            before = CatalogueRow.From(gone, gone.Organization!.Name);
            unrecorded = false;
        }
        var after = change.ProposedItemJson is null ? null : CatalogueRow.FromJson(change.ProposedItemJson);
        return new AmendmentChangeView(change.Id, change.Kind, change.CatalogueItemId, before, after, unrecorded);
    }

    public Task<Result<int>> CreateAsync(int catalogueId, string reason, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanEditCatalogue(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var state = await db.Catalogues.Where(c => c.Id == catalogueId).Select(c => (CatalogueState?)c.State).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            if (state != CatalogueState.InForce) throw new DomainRuleException("Amendment.CatalogueNotInForce");
            var others = await db.CatalogueAmendments.AsNoTracking().Where(a => a.CatalogueId == catalogueId).Where(CatalogueAmendment.IsOpen)
                .ToListAsync(cancellationToken);
            var amendment = CatalogueAmendment.Start(catalogueId, reason, others, actor, clock.UtcNow);
            db.CatalogueAmendments.Add(amendment);
            await db.SaveChangesAsync(cancellationToken);
            return amendment.Id;
        });

    /// <summary>Proposes adding an item (<paramref name="itemId"/> null), changing one (both given) or retiring one (<paramref name="request"/> null).</summary>
    public Task<Result> AddChangeAsync(int amendmentId, int expectedVersion, AmendmentChangeKind kind, int? itemId, CatalogueItemRequest? request,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            if (kind != AmendmentChangeKind.Retire)
            {
                if (request is null) throw new DomainRuleException("Amendment.ProposalRequired");
                await Outcomes.ValidateAsync(validator, request, cancellationToken);
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var amendment = await db.CatalogueAmendments.Include(a => a.Changes).FirstOrDefaultAsync(a => a.Id == amendmentId, cancellationToken)
                ?? throw new NotFoundException();

            CatalogueItem? item = null;
            if (kind != AmendmentChangeKind.Add)
            {
                item = await db.CatalogueItems.Include(i => i.Organization)
                    .FirstOrDefaultAsync(i => i.Id == itemId && i.CatalogueId == amendment.CatalogueId, cancellationToken)
                    ?? throw new NotFoundException();
                AccessPolicy.Ensure(AccessPolicy.CanProposeCatalogueItem(actor, item.OrganizationId), "Access.NotYourOrganization");
                if (item.IsRetired) throw new DomainRuleException("CatalogueItem.Retired");
            }
            if (request is not null)
            {
                AccessPolicy.Ensure(AccessPolicy.CanProposeCatalogueItem(actor, request.OrganizationId!.Value), "Access.NotYourOrganization");
                // Occurrences already planned follow the item's organization and cadence: changing either is a retirement and an addition.
                if (item is not null && item.OrganizationId != request.OrganizationId) Refuse("OrganizationId", "Amendment.OrganizationFixed");
                if (item is not null && item.Cadence != request.Cadence) Refuse("Cadence", "Amendment.CadenceFixed");
            }
            amendment.EnsureVersion(expectedVersion);

            string? proposal = null;
            if (request is not null)
            {
                var organizationName = await db.Organizations.Where(o => o.Id == request.OrganizationId && o.IsActive)
                    .Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
                proposal = request.ToRow(organizationName).ToJson();
            }
            // The item as it stands now is kept with the change, so the change still shows its old values once applied.
            var before = item is null ? null : CatalogueRow.From(item, item.Organization!.Name).ToJson();
            amendment.AddChange(new CatalogueAmendmentChange(kind, item?.Id, proposal, before));
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Takes one change out of a draft amendment: the Office any, a Secretary or Drafter only one of their own organization's.</summary>
    public Task<Result> RemoveChangeAsync(int amendmentId, int expectedVersion, int changeId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var amendment = await db.CatalogueAmendments.Include(a => a.Changes).FirstOrDefaultAsync(a => a.Id == amendmentId, cancellationToken)
                ?? throw new NotFoundException();
            var change = amendment.Changes.FirstOrDefault(c => c.Id == changeId) ?? throw new NotFoundException();
            var items = await db.CatalogueItems.AsNoTracking().Include(i => i.Organization)
                .Where(i => i.Id == change.CatalogueItemId).ToDictionaryAsync(i => i.Id, cancellationToken);
            var view = View(amendment, change, items);
            var organizationName = (view.After ?? view.Before)?.Organization;
            var organizationId = change.CatalogueItemId is { } id && items.TryGetValue(id, out var item) ? item.OrganizationId
                : await db.Organizations.Where(o => o.Name == organizationName).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanEditCatalogue(actor)
                || (organizationId is { } org && AccessPolicy.CanProposeCatalogueItem(actor, org)), "Access.NotYourOrganization");
            amendment.EnsureVersion(expectedVersion);
            amendment.RemoveChange(changeId, actor, clock.UtcNow, AmendmentRecord.Describe(view.Kind, view.Before, view.After));
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>The Office drops a draft amendment; it stays listed as discarded, and the catalogue may be amended again.</summary>
    public Task<Result> DiscardAsync(int amendmentId, int expectedVersion, CancellationToken cancellationToken = default) =>
        TransitionAsync(amendmentId, expectedVersion, AccessPolicy.CanEditCatalogue, (_, a, actor, now) =>
        {
            a.Discard(actor, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Result> SubmitAsync(int amendmentId, int expectedVersion, CancellationToken cancellationToken = default) =>
        TransitionAsync(amendmentId, expectedVersion, AccessPolicy.CanEditCatalogue, (_, a, actor, now) =>
        {
            a.Submit(actor, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Result> RejectAsync(int amendmentId, int expectedVersion, string comment, CancellationToken cancellationToken = default) =>
        TransitionAsync(amendmentId, expectedVersion, AccessPolicy.CanApproveCatalogue, (_, a, actor, now) =>
        {
            a.Reject(actor, now, comment);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Approves the amendment and applies its changes to the catalogue in force, planning new regular items.</summary>
    public Task<Result> ApproveAsync(int amendmentId, int expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
        TransitionAsync(amendmentId, expectedVersion, AccessPolicy.CanApproveCatalogue, async (db, a, actor, now) =>
        {
            a.Approve(actor, now, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
            var catalogue = await db.Catalogues.Include(c => c.Items).ThenInclude(i => i.Occurrences)
                .FirstAsync(c => c.Id == a.CatalogueId, cancellationToken);
            var names = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            var organizations = (await db.Organizations.Where(o => o.IsActive).Select(o => new { o.Name, o.Id }).ToListAsync(cancellationToken))
                .GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Id);
            // The values the reviewer approved against are recorded before the items take the new ones.
            foreach (var change in a.Changes.Where(c => c.CatalogueItemId is not null))
            {
                var item = catalogue.Items.FirstOrDefault(i => i.Id == change.CatalogueItemId) ?? throw new NotFoundException();
                change.RecordBefore(CatalogueRow.From(item, names[item.OrganizationId]).ToJson());
            }
            var record = AmendmentRecord.Describe(a.Reason, a.Changes.OrderBy(c => c.Id).Select(c => (c.Kind,
                c.BeforeItemJson is null ? null : CatalogueRow.FromJson(c.BeforeItemJson),
                c.ProposedItemJson is null ? null : CatalogueRow.FromJson(c.ProposedItemJson))));
            var calendar = await workingDays.GetCalendarAsync(cancellationToken);
            var rules = (await settings.GetAsync(cancellationToken)).DueRules;
            catalogue.ApplyAmendment(a, change => ToItem(CatalogueRow.FromJson(change.ProposedItemJson!), organizations), calendar, rules, actor, now, clock.Today, record);
        }, cancellationToken);

    private Task<Result> TransitionAsync(int amendmentId, int expectedVersion, Func<Actor, bool> allowed,
        Func<AppDbContext, CatalogueAmendment, Actor, DateTime, Task> move, CancellationToken cancellationToken) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(allowed(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var amendment = await db.CatalogueAmendments.Include(a => a.Changes).FirstOrDefaultAsync(a => a.Id == amendmentId, cancellationToken)
                ?? throw new NotFoundException();
            amendment.EnsureVersion(expectedVersion);
            await move(db, amendment, actor, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        });

    // The proposal names its organization, as every catalogue row does; it must still exist when the change is applied.
    private static CatalogueItem ToItem(CatalogueRow row, IReadOnlyDictionary<string, int> organizations) =>
        new(organizations.TryGetValue(row.Organization, out var id) ? id : throw new NotFoundException(), row.Category, row.Title,
            row.Description, row.Channels, row.Audience, row.Cadence, row.Standing, row.ResponsiblePerson, row.Phases);

    private void Refuse(string property, string key) => throw new ValidationException([new ValidationFailure(property, text[key])]);
}
