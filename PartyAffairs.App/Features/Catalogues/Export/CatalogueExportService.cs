using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues.Export;

/// <summary>
/// A year's catalogue as plain rows for the .xlsx export and the print view. Like the catalogue page, it is
/// the bureau's plan: every signed-in reader sees all of it, a pure Admin none.
/// </summary>
public sealed class CatalogueExportService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, Outcomes outcomes)
{
    public Task<Result<CatalogueExport>> GetAsync(int year, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogue = await db.Catalogues.AsNoTracking()
                .Where(c => c.Year == year)
                .Select(c => new { c.Id, c.Title, c.State })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            var items = await db.CatalogueItems.AsNoTracking()
                .Where(i => i.CatalogueId == catalogue.Id)
                .OrderBy(i => i.Organization!.SortOrder).ThenBy(i => i.OrganizationId).ThenBy(i => i.Category).ThenBy(i => i.Id)
                .Select(i => new { Item = i, OrganizationName = i.Organization!.Name })
                .ToListAsync(cancellationToken);
            var lines = items.Select(i => new CatalogueExportLine(CatalogueRow.From(i.Item, i.OrganizationName), i.Item.IsRetired)).ToList();
            return new CatalogueExport(year, catalogue.Title, catalogue.State, lines);
        });
}
