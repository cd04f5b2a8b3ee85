using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>
/// Reads a year's catalogue with its items and their occurrences. The catalogue is the bureau's plan:
/// everyone signed in reads all of it, except a pure Admin, who has no content rights.
/// </summary>
public sealed class CatalogueQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes)
{
    public Task<Result<CatalogueView>> GetAsync(int year, CatalogueFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var years = await db.Catalogues.AsNoTracking().Select(c => c.Year).OrderByDescending(y => y).ToListAsync(cancellationToken);
            var organizations = await OrganizationOptions.ListAsync(db, null, cancellationToken);
            var catalogue = await db.Catalogues.AsNoTracking()
                .Where(c => c.Year == year)
                .Select(c => new CatalogueSummary(c.Id, c.Year, c.Title, c.State, c.Source, c.ApprovedAtUtc))
                .FirstOrDefaultAsync(cancellationToken);
            if (catalogue is null) return new CatalogueView(year, null, years, organizations, []);

            var items = db.CatalogueItems.AsNoTracking().Where(i => i.CatalogueId == catalogue.Id);
            if (filter.OrganizationId is { } organizationId) items = items.Where(i => i.OrganizationId == organizationId);
            if (filter.Category is { } category) items = items.Where(i => i.Category == category);
            if (filter.Cadence is { } cadence) items = items.Where(i => i.Cadence == cadence);
            if (filter.Audience is { } audience) items = items.Where(i => i.Audience == audience);

            var loaded = await items
                .OrderBy(i => i.Organization!.SortOrder).ThenBy(i => i.Category).ThenBy(i => i.Id)
                .Select(i => new
                {
                    Row = new CatalogueItemRow(i.Id, i.Version, i.OrganizationId, i.Organization!.Name, i.Category, i.Title, i.Description,
                        i.Channels, i.Audience, i.Cadence, i.Standing, i.ResponsiblePerson, i.IsRetired, Array.Empty<OccurrenceRow>()),
                    i.Phases,
                    HasBodyTemplate = i.BodyTemplate != "",
                    Occurrences = i.Occurrences.OrderBy(o => o.Sequence)
                        .Select(o => new { o.Id, o.Label, o.DueDate, o.State, o.DisclosureId, o.FulfilledAtUtc })
                        .ToList(),
                })
                .ToListAsync(cancellationToken);

            // Days are the bureau's: a 23:30 publication in Beijing on the due date is on time, whatever the UTC date.
            var today = clock.Today;
            var rows = loaded.Select(i => i.Row with
            {
                PhaseNames = i.Phases.ToList(),
                HasBodyTemplate = i.HasBodyTemplate,
                Occurrences = i.Occurrences.Select(o =>
                {
                    DateOnly? publishedOn = o.FulfilledAtUtc is { } at ? DateOnly.FromDateTime(clock.ToLocal(at)) : null;
                    return new OccurrenceRow(o.Id, o.Label, o.DueDate, o.State, OccurrenceRules.IsOverdue(o.State, o.DueDate, today),
                        o.DisclosureId, publishedOn, publishedOn > o.DueDate);
                }).ToList(),
            }).ToList();
            return new CatalogueView(year, catalogue, years, organizations, rows);
        });
}
