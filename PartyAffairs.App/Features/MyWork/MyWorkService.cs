using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.MyWork;

/// <summary>The My work page's reads, for Secretaries and Drafters only, scoped to the person and their organization.</summary>
public sealed class MyWorkService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes)
{
    /// <summary>How far ahead the page looks for occurrences falling due.</summary>
    public const int DueWithinDays = 14;

    public Task<Result<MyWorkView>> GetAsync(CancellationToken cancellationToken = default) => outcomes.RunAsync(async () =>
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsInAnyRole(Roles.Secretary, Roles.Drafter), "Access.Denied");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Disclosures.AsNoTracking().Where(d => d.AuthorId == actor.UserId);
        var drafts = await mine.Where(d => d.State == DisclosureState.Draft)
            .OrderByDescending(d => d.LastSavedAtUtc)
            .Select(d => new MyDisclosureRow(d.Id, d.Title, d.LastSavedAtUtc, d.ReviewComment))
            .ToListAsync(cancellationToken);
        var returned = await mine.Where(d => d.State == DisclosureState.Rejected)
            .OrderByDescending(d => d.LastSavedAtUtc)
            .Select(d => new MyDisclosureRow(d.Id, d.Title, d.LastSavedAtUtc, d.ReviewComment))
            .ToListAsync(cancellationToken);

        var today = clock.Today;
        var horizon = today.AddDays(DueWithinDays);
        var organizationIds = AccessPolicy.WorkOrganizations(actor);
        var due = organizationIds.Count == 0 ? [] : await (
                from o in db.CatalogueOccurrences.AsNoTracking()
                join i in db.CatalogueItems on o.CatalogueItemId equals i.Id
                join c in db.Catalogues on i.CatalogueId equals c.Id
                where o.State == OccurrenceState.Open && c.State == CatalogueState.InForce
                      && organizationIds.Contains(i.OrganizationId) && o.DueDate <= horizon
                orderby o.DueDate, i.Title
                select new MyOccurrenceRow(o.Id, i.Title, o.Label, o.DueDate, OccurrenceRules.IsOverdue(o.State, o.DueDate, today)))
            .ToListAsync(cancellationToken);
        return new MyWorkView(drafts, returned, due);
    });
}
