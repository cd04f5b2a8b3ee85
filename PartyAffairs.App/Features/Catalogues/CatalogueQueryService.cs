using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>
/// Reads a year's catalogue and its items with their occurrences, a page at a time. The catalogue is the bureau's plan:
/// everyone signed in reads all of it, except a pure Admin, who has no content rights.
/// </summary>
public sealed class CatalogueQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes)
{
    /// <summary>The most items one page of the grid may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The year's catalogue, the years that have one, what the person may propose for, and the first page of its items.</summary>
    public Task<Result<CatalogueView>> GetAsync(int year, CatalogueFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var years = await db.Catalogues.AsNoTracking().Select(c => c.Year).OrderByDescending(y => y).ToListAsync(cancellationToken);
            var proposable = actor.IsInRole(Roles.Office) ? OrganizationScope.All
                : OrganizationScope.Of(actor.OrganizationsWhere(Roles.Secretary, Roles.Drafter));
            var catalogue = await db.Catalogues.AsNoTracking()
                .Where(c => c.Year == year)
                .Select(c => new CatalogueSummary(c.Id, c.Year, c.Title, c.State, c.Source, c.ApprovedAtUtc))
                .FirstOrDefaultAsync(cancellationToken);
            if (catalogue is null) return new CatalogueView(year, null, years, proposable, []);

            var page = await PageAsync(db, catalogue.Id, filter, cancellationToken);
            return new CatalogueView(year, catalogue, years, proposable, page.Rows, page.Total);
        });

    /// <summary>One page of a catalogue's items, filtered, counted and ordered in SQL: a city's catalogue holds thousands of lines.</summary>
    public Task<Result<CatalogueItemPage>> ItemsAsync(int catalogueId, CatalogueFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await PageAsync(db, catalogueId, filter, cancellationToken);
        });

    /// <summary>
    /// The lines in force of a catalogue whose title or organization contains the text, within a scope, at most <paramref name="max"/>:
    /// for choosing the line an amendment changes or retires.
    /// </summary>
    public Task<Result<IReadOnlyList<CatalogueItemChoice>>> FindItemsAsync(int catalogueId, string? text, OrganizationScope scope, int max,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            if (scope.IsEmpty) return (IReadOnlyList<CatalogueItemChoice>)[];
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var items = db.CatalogueItems.AsNoTracking().Where(i => i.CatalogueId == catalogueId && !i.IsRetired);
            if (scope.Only is { } only) items = items.Where(i => only.Contains(i.OrganizationId));
            if (scope.Except is { Count: > 0 } except) items = items.Where(i => !except.Contains(i.OrganizationId));
            if (text?.Trim() is { Length: > 0 } term) items = items.Where(i => i.Title.Contains(term) || i.Organization!.Name.Contains(term));
            return await items.OrderBy(i => i.Organization!.SortOrder).ThenBy(i => i.Category).ThenBy(i => i.Id)
                .Take(Math.Clamp(max, 1, MaxPageSize))
                .Select(i => new CatalogueItemChoice(i.Id, i.OrganizationId, i.Organization!.Name, i.Title))
                .ToListAsync(cancellationToken);
        });

    private async Task<CatalogueItemPage> PageAsync(AppDbContext db, int catalogueId, CatalogueFilter filter, CancellationToken cancellationToken)
    {
        var items = db.CatalogueItems.AsNoTracking().Where(i => i.CatalogueId == catalogueId);
        if (filter.OrganizationId is { } organizationId) items = items.Where(i => i.OrganizationId == organizationId);
        if (filter.Category is { } category) items = items.Where(i => i.Category == category);
        if (filter.Cadence is { } cadence) items = items.Where(i => i.Cadence == cadence);
        if (filter.Audience is { } audience) items = items.Where(i => i.Audience == audience);
        var total = await items.CountAsync(cancellationToken);

        // Days are the bureau's: a 23:30 publication in Beijing on the due date is on time, whatever the UTC date.
        var today = clock.Today;
        var overdue = OccurrenceRules.OverdueOn(today);
        var counted = items.Select(i => new { Item = i, Overdue = i.Occurrences.AsQueryable().Count(overdue) });
        var descending = filter.Descending;
        var ordered = filter.SortBy switch
        {
            nameof(CatalogueItemRow.OrganizationName) => descending
                ? counted.OrderByDescending(x => x.Item.Organization!.Name) : counted.OrderBy(x => x.Item.Organization!.Name),
            nameof(CatalogueItemRow.Category) => descending ? counted.OrderByDescending(x => x.Item.Category) : counted.OrderBy(x => x.Item.Category),
            nameof(CatalogueItemRow.Title) => descending ? counted.OrderByDescending(x => x.Item.Title) : counted.OrderBy(x => x.Item.Title),
            nameof(CatalogueItemRow.Description) => descending ? counted.OrderByDescending(x => x.Item.Description) : counted.OrderBy(x => x.Item.Description),
            nameof(CatalogueItemRow.Audience) => descending ? counted.OrderByDescending(x => x.Item.Audience) : counted.OrderBy(x => x.Item.Audience),
            nameof(CatalogueItemRow.Cadence) => descending ? counted.OrderByDescending(x => x.Item.Cadence) : counted.OrderBy(x => x.Item.Cadence),
            nameof(CatalogueItemRow.Standing) => descending ? counted.OrderByDescending(x => x.Item.Standing) : counted.OrderBy(x => x.Item.Standing),
            nameof(CatalogueItemRow.ResponsiblePerson) => descending
                ? counted.OrderByDescending(x => x.Item.ResponsiblePerson) : counted.OrderBy(x => x.Item.ResponsiblePerson),
            nameof(CatalogueItemRow.OverdueCount) => descending ? counted.OrderByDescending(x => x.Overdue) : counted.OrderBy(x => x.Overdue),
            _ => counted.OrderBy(x => x.Item.Organization!.SortOrder).ThenBy(x => x.Item.Category),
        };
        // The id breaks ties, so that pages never overlap.
        ordered = ordered.ThenBy(x => x.Item.Id);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var loaded = await ordered
            .Skip(Math.Max(0, filter.Page) * size).Take(size)
            .Select(x => new
            {
                Row = new CatalogueItemRow(x.Item.Id, x.Item.Version, x.Item.OrganizationId, x.Item.Organization!.Name, x.Item.Category, x.Item.Title,
                    x.Item.Description, x.Item.Channels, x.Item.Audience, x.Item.Cadence, x.Item.Standing, x.Item.ResponsiblePerson, x.Item.IsRetired,
                    Array.Empty<OccurrenceRow>()),
                x.Item.Phases,
                HasBodyTemplate = x.Item.BodyTemplate != "",
                Occurrences = x.Item.Occurrences.OrderBy(o => o.Sequence)
                    .Select(o => new { o.Id, o.Label, o.DueDate, o.State, o.DisclosureId, o.FulfilledAtUtc })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

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
        return new CatalogueItemPage(rows, total);
    }
}
