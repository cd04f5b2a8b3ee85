using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>
/// Starts a year's catalogue, as a Draft, from the city's template file or from last year's catalogue.
/// Only the Office does this. A file is checked whole before anything is saved: one bad line and nothing is.
/// </summary>
public sealed class CatalogueImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    IStringLocalizer<CatalogueImportStrings> text)
{
    /// <summary>A city catalogue is a few hundred lines; far larger files are a mistake, refused before parsing.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;

    /// <summary>Checks the file; given the <paramref name="year"/> it is for, also says whether that year already has a catalogue (a draft may be replaced).</summary>
    public Task<Result<CatalogueImportPreview>> PreviewAsync(Stream content, string fileName, int? year = null, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureOfficeAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var preview = await AnalyseAsync(db, content, fileName, cancellationToken);
            if (year is null) return preview;
            var existing = await db.Catalogues.AsNoTracking().Where(c => c.Year == year).Select(c => (CatalogueState?)c.State).FirstOrDefaultAsync(cancellationToken);
            return preview with { ExistingState = existing };
        });

    /// <summary>
    /// Creates the year's Draft catalogue with every line of the file as an item, and keeps the lines as the year's template; returns its id.
    /// With <paramref name="replaceDraft"/>, a draft the year already has is discarded in the same transaction (never anything past draft).
    /// </summary>
    public Task<Result<int>> ImportAsync(int year, Stream content, string fileName, bool replaceDraft = false, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureOfficeAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = replaceDraft
                ? await db.Catalogues.Include(c => c.Items).FirstOrDefaultAsync(c => c.Year == year, cancellationToken)
                : null;
            if (existing is null) await EnsureNoCatalogueAsync(db, year, cancellationToken);
            var preview = await AnalyseAsync(db, content, fileName, cancellationToken);
            if (!preview.CanImport)
            {
                throw new ValidationException(preview.Errors.Select(e =>
                    new ValidationFailure(e.Row is { } row ? $"{row}:{e.Column}" : "file", e.Text)));
            }

            var organizations = await ActiveOrganizationsAsync(db, cancellationToken);
            var rows = preview.ValidRows;
            var catalogue = new Catalogue(year, CatalogueFormat.TitleOf(year), Path.GetFileName(fileName), actor, clock.UtcNow);
            foreach (var row in rows)
            {
                var organizationId = organizations.Find(row.Organization)!.Value.Id;
                catalogue.AddItem(new CatalogueItem(organizationId, row.Category, row.Title, row.Description, row.Channels, row.Audience,
                    row.Cadence, row.Standing, row.ResponsiblePerson, row.Phases, row.BodyTemplate));
            }
            catalogue.RecordTemplate(CatalogueRow.ToJson(rows));
            if (existing is not null)
            {
                // The catalogue refuses unless it is a draft; the old draft goes and the new one comes in one save, so the year is never without one.
                existing.Discard(actor, clock.UtcNow, text["Import.ReplacedBy", Path.GetFileName(fileName)]);
                db.Catalogues.Remove(existing);
            }
            db.Catalogues.Add(catalogue);
            await db.SaveChangesAsync(cancellationToken);
            return catalogue.Id;
        });

    /// <summary>
    /// Starts <paramref name="toYear"/> as a Draft copy of <paramref name="fromYear"/>'s items still in use, each with its body
    /// template (正文模板); the city template travels on with it.
    /// </summary>
    public Task<Result<int>> CloneAsync(int fromYear, int toYear, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureOfficeAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await EnsureNoCatalogueAsync(db, toYear, cancellationToken);
            var source = await db.Catalogues.AsNoTracking()
                .Include(c => c.Items.Where(i => !i.IsRetired)).ThenInclude(i => i.Organization)
                .FirstOrDefaultAsync(c => c.Year == fromYear, cancellationToken)
                ?? throw new ValidationException([new ValidationFailure("fromYear", text["Clone.NoSource", fromYear])]);
            var items = source.Items.Where(i => i.Organization is { IsActive: true })
                .OrderBy(i => i.Organization!.SortOrder).ThenBy(i => i.Category).ThenBy(i => i.Id)
                .ToList();

            var catalogue = new Catalogue(toYear, CatalogueFormat.TitleOf(toYear), text["Clone.Source", fromYear], actor, clock.UtcNow);
            foreach (var item in items)
            {
                catalogue.AddItem(new CatalogueItem(item.OrganizationId, item.Category, item.Title, item.Description, item.Channels,
                    item.Audience, item.Cadence, item.Standing, item.ResponsiblePerson, item.Phases, item.BodyTemplate));
            }
            catalogue.RecordTemplate(source.TemplateJson ?? CatalogueRow.ToJson(items.Select(i => CatalogueRow.From(i, i.Organization!.Name))));
            db.Catalogues.Add(catalogue);
            await db.SaveChangesAsync(cancellationToken);
            return catalogue.Id;
        });

    private async Task<Actor> EnsureOfficeAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(AccessPolicy.CanEditCatalogue(actor));
        return actor;
    }

    private async Task EnsureNoCatalogueAsync(AppDbContext db, int year, CancellationToken cancellationToken)
    {
        if (await db.Catalogues.AnyAsync(c => c.Year == year, cancellationToken))
            throw new ValidationException([new ValidationFailure("year", text["Import.YearExists", year])]);
    }

    private async Task<CatalogueImportPreview> AnalyseAsync(AppDbContext db, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var bytes = await ReadCappedAsync(content, cancellationToken);
        if (bytes is null)
        {
            var message = text["Import.TooLarge", MaxFileBytes / 1024 / 1024];
            return new CatalogueImportPreview(fileName, [], [new CatalogueImportError(null, null, message, message)]);
        }
        var analyzer = new CatalogueImportAnalyzer(text, await ActiveOrganizationsAsync(db, cancellationToken));
        return analyzer.Analyse(bytes, fileName, MaxRows);
    }

    private static async Task<OrganizationLookup> ActiveOrganizationsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsActive)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Code })
            .ToListAsync(cancellationToken);
        return new OrganizationLookup(organizations.Select(o => (o.Id, o.Name, o.Code)));
    }

    /// <summary>The file's bytes, or null as soon as it passes the limit, so an oversized upload is never held whole.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > MaxFileBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes) return null;
        }
        return buffer.ToArray();
    }
}
