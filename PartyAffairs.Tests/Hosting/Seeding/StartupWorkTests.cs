using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting.Seeding;

/// <summary>
/// What a start no longer waits for: the search backfill and the catch-up of provisional due dates took minutes at a city of
/// 300,000 disclosures before the app answered. The start leaves them as they are; their workers do them once the app runs.
/// </summary>
public sealed class StartupWorkTests
{
    /// <summary>Thursday 2026-12-10, 10:00 in Beijing: 2027 has no notice yet (as in DueDateRecomputationTests).</summary>
    private static readonly DateTimeOffset December = new(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_start_leaves_bodies_without_search_text_to_the_backfill_worker_which_makes_them_searchable()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        int id;
        await using (var db = harness.NewDb())
        {
            var d = Disclosure.OutOfCatalogue(bureau.BranchAId, Category.Other, "临时增加的事项", Channel.Board, Audience.Public, bureau["office"], bureau.Now);
            d.Edit("旧事项", "<p>历史<em>正文</em></p>", Channel.Board, Audience.Public, bureau.Now, bureau.Now.AddDays(7), false, bureau["office"], bureau.Now);
            db.Disclosures.Add(d);
            await db.SaveChangesAsync();
            id = d.Id;
            // As every row was right after the migration that added the column.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Disclosures" SET "BodyText" = NULL""");
        }

        await using (var scope = harness.NewScope())
            await harness.Get<DatabaseInitializer>(scope).InitializeAsync(CancellationToken.None);

        (await IndexedTextAsync(harness, id)).ShouldBe("\n", "the start itself no longer reads the bodies");
        var worker = harness.Services.GetServices<IHostedService>().OfType<SearchTextBackfillWorker>().ShouldHaveSingleItem();
        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!;
        await worker.StopAsync(CancellationToken.None);
        (await IndexedTextAsync(harness, id)).ShouldBe("历史正文\n");
    }

    [Fact]
    public async Task A_start_leaves_provisional_due_dates_to_their_worker_which_moves_them_onto_the_holidays()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: December);
        var b = await TestBureau.CreateAsync(harness);
        // 2026-12-31 + 5 working days counted 元旦 as a working day: the provisional 2027 calendar says 01-08.
        var plan = await b.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(b.BranchAId, "党费收缴情况", Cadence.Monthly, Audience.Organization, [new DateOnly(2027, 1, 7)]));
        var occurrence = plan["党费收缴情况"][0];

        await using (var scope = harness.NewScope())
            await harness.Get<DatabaseInitializer>(scope).InitializeAsync(CancellationToken.None);

        (await DueDateAsync(harness, occurrence)).ShouldBe(new DateOnly(2027, 1, 7), "the start itself no longer moves it");
        var worker = harness.Services.GetServices<IHostedService>().OfType<ProvisionalDueDatesWorker>().ShouldHaveSingleItem();
        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!;
        await worker.StopAsync(CancellationToken.None);
        (await DueDateAsync(harness, occurrence)).ShouldBe(new DateOnly(2027, 1, 8));
    }

    private static async Task<string> IndexedTextAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        return await db.Database.SqlQuery<string>($"""SELECT "Text" AS "Value" FROM "DisclosureSearch" WHERE rowid = {id}""").SingleAsync();
    }

    private static async Task<DateOnly> DueDateAsync(ServiceHarness harness, int occurrenceId)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueOccurrences.Where(o => o.Id == occurrenceId).Select(o => o.DueDate).SingleAsync();
    }
}
