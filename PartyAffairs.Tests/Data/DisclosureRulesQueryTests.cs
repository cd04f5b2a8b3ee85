using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>The shared disclosure rules of <see cref="DisclosureRules"/>: what SQLite selects equals what the compiled form says of each record.</summary>
public sealed class DisclosureRulesQueryTests(DemoBureauFixture bureau) : IClassFixture<DemoBureauFixture>
{
    private readonly ServiceHarness harness = bureau.Harness;

    [Fact]
    public async Task In_catalogue_is_one_rule_in_the_database_in_memory_and_on_the_column()
    {
        await using var db = harness.NewDb();
        var disclosures = await db.Disclosures.AsNoTracking().ToListAsync();
        disclosures.ShouldContain(d => d.IsInCatalogue);
        disclosures.ShouldContain(d => !d.IsInCatalogue);
        // The demo's corrected election notice is a correction of an in-catalogue item: in catalogue too.
        disclosures.ShouldContain(d => d.RevisesDisclosureId != null && d.IsInCatalogue);
        var outOfCatalogue = DisclosureRules.OutOfCatalogue.Compile();
        var originalOut = DisclosureRules.OriginalOutOfCatalogue.Compile();

        disclosures.ShouldAllBe(d => outOfCatalogue(d) == !d.IsInCatalogue
            && DisclosureRules.IsInCatalogueOccurrence(d.CatalogueOccurrenceId) == d.IsInCatalogue
            && originalOut(d) == (!d.IsInCatalogue && d.RevisesDisclosureId == null));
        (await db.Disclosures.Where(DisclosureRules.InCatalogue).Select(d => d.Id).ToListAsync())
            .ShouldBe(disclosures.Where(d => d.IsInCatalogue).Select(d => d.Id), ignoreOrder: true);
        (await db.Disclosures.Where(DisclosureRules.OutOfCatalogue).Select(d => d.Id).ToListAsync())
            .ShouldBe(disclosures.Where(outOfCatalogue).Select(d => d.Id), ignoreOrder: true);
        (await db.Disclosures.Where(DisclosureRules.OriginalOutOfCatalogue).Select(d => d.Id).ToListAsync())
            .ShouldBe(disclosures.Where(originalOut).Select(d => d.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task On_display_and_the_schedule_are_one_rule_in_the_database_and_in_memory()
    {
        await using var db = harness.NewDb();
        var disclosures = await db.Disclosures.AsNoTracking().ToListAsync();
        var now = harness.Time.GetUtcNow().UtcDateTime;
        disclosures.ShouldContain(d => d.IsOnDisplay(now));
        disclosures.ShouldContain(d => !d.IsOnDisplay(now));
        // Every edge of every period, and a second either side of it.
        var moments = disclosures.SelectMany(d => new[] { d.DisplayFromUtc, d.DisplayUntilUtc })
            .SelectMany(t => new[] { t.AddSeconds(-1), t, t.AddSeconds(1) })
            .Append(now).Distinct().Order().ToList();
        foreach (var at in moments)
        {
            (await db.Disclosures.Where(DisclosureRules.OnDisplayAt(at)).Select(d => d.Id).ToListAsync())
                .ShouldBe(disclosures.Where(d => d.IsOnDisplay(at)).Select(d => d.Id), ignoreOrder: true, $"at {at:O}");
            (await db.Disclosures.Where(DisclosureRules.DueToPublishAt(at)).Select(d => d.Id).ToListAsync())
                .ShouldBe(disclosures.Where(d => DisclosureRules.IsDueToPublish(d, at)).Select(d => d.Id), ignoreOrder: true, $"due to publish at {at:O}");
            (await db.Disclosures.Where(DisclosureRules.DueToCloseAt(at)).Select(d => d.Id).ToListAsync())
                .ShouldBe(disclosures.Where(d => DisclosureRules.IsDueToClose(d, at)).Select(d => d.Id), ignoreOrder: true, $"due to close at {at:O}");
        }
    }

    [Fact]
    public async Task Editable_is_one_rule_in_the_database_and_in_memory()
    {
        await using var db = harness.NewDb();
        var disclosures = await db.Disclosures.AsNoTracking().ToListAsync();
        disclosures.ShouldContain(d => d.IsEditable);
        disclosures.ShouldContain(d => !d.IsEditable);
        (await db.Disclosures.Where(DisclosureRules.Editable).Select(d => d.Id).ToListAsync())
            .ShouldBe(disclosures.Where(d => d.IsEditable).Select(d => d.Id), ignoreOrder: true);
    }
}
