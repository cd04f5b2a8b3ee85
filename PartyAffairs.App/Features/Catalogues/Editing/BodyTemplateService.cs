using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>
/// The Office sets or clears a catalogue line's body template (正文模板), the body a draft of the line starts from. Any state
/// of the catalogue, any line still in use (<see cref="CatalogueItem.BodyTemplateEditable"/>); stored cleaned, audited on the catalogue.
/// </summary>
public sealed class BodyTemplateService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<BodyTemplateRequest> validator,
    BureauClock clock,
    IStringLocalizer<CatalogueStrings> text,
    Outcomes outcomes)
{
    public Task<Result<BodyTemplateEdit>> GetAsync(int itemId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanEditCatalogue(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.CatalogueItems.AsNoTracking().Where(i => i.Id == itemId)
                .Select(i => new BodyTemplateEdit(i.Id, i.Title, i.Organization!.Name, i.BodyTemplate, i.Version))
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        });

    /// <summary>Stores the cleaned template against the line's version the person saw; an empty one clears it.</summary>
    public Task<Result> SetAsync(int itemId, int expectedVersion, BodyTemplateRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanEditCatalogue(actor));
            await Outcomes.ValidateAsync(validator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var catalogueId = await db.CatalogueItems.Where(i => i.Id == itemId).Select(i => (int?)i.CatalogueId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            var catalogue = await db.Catalogues.Include(c => c.Items).FirstAsync(c => c.Id == catalogueId, cancellationToken);
            var item = catalogue.Items.Single(i => i.Id == itemId);
            if (item.Version != expectedVersion) throw new ConcurrencyConflictException();
            var html = BodyTemplateText.Clean(request.Html);
            var record = html.Length == 0 ? text["BodyTemplate.AuditCleared", item.Title] : text["BodyTemplate.AuditSet", item.Title];
            if (catalogue.ChangeBodyTemplate(item, html, actor, clock.UtcNow, record)) await db.SaveChangesAsync(cancellationToken);
        });
}
