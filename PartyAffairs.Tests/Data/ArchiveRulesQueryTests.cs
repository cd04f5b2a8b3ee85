using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>The archiving guard (<see cref="ArchiveRules"/>): the query's refusal for each disclosure equals the compiled form's on the loaded rows.</summary>
public sealed class ArchiveRulesQueryTests(DemoBureauFixture bureau) : IClassFixture<DemoBureauFixture>
{
    private readonly ServiceHarness harness = bureau.Harness;

    [Fact]
    public async Task May_it_be_archived_is_one_rule_in_the_database_and_in_memory()
    {
        await using var db = harness.NewDb();
        // Rolled back at the end, so the shared demo stays as seeded: an open feedback item is moved onto a closed, unarchived
        // disclosure, the one case the demo does not have.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var closedUnarchived = await db.Disclosures
            .Where(d => d.State == DisclosureState.Closed && !db.ArchiveRecords.Any(r => r.DisclosureId == d.Id))
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        closedUnarchived.Count.ShouldBeGreaterThan(1);
        var openFeedback = await db.Feedback.Where(f => f.State != FeedbackState.Closed).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        await db.Feedback.Where(f => f.Id == openFeedback).ExecuteUpdateAsync(s => s.SetProperty(f => f.DisclosureId, closedUnarchived[0]));

        var disclosures = await db.Disclosures.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        var archived = (await db.ArchiveRecords.Select(r => r.DisclosureId).ToListAsync()).ToHashSet();
        var feedback = (await db.Feedback.AsNoTracking().ToListAsync()).ToLookup(f => f.DisclosureId);
        var inMemory = disclosures.ToDictionary(d => d.Id, d => ArchiveRules.RefusalOf(d, archived.Contains(d.Id), feedback[d.Id].ToList()));
        inMemory.Values.ShouldContain((string?)null);
        inMemory.Values.ShouldContain(ArchiveRules.NotClosed);
        inMemory.Values.ShouldContain(ArchiveRules.AlreadyArchived);
        inMemory.Values.ShouldContain(ArchiveRules.FeedbackOpen);

        var ids = await db.Disclosures.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var refusals = await db.Disclosures.OrderBy(d => d.Id).Select(ArchiveRules.RefusalIn(db.ArchiveRecords, db.Feedback)).ToListAsync();
        ids.Zip(refusals).ToDictionary(p => p.First, p => p.Second).ShouldBe(inMemory);

        (await db.Disclosures.Where(ArchiveRules.PassesIn(db.ArchiveRecords, db.Feedback)).Select(d => d.Id).ToListAsync())
            .ShouldBe(inMemory.Where(p => p.Value is null).Select(p => p.Key), ignoreOrder: true);
        (await db.Disclosures.Where(ArchiveRules.PassesIn(db.ArchiveRecords, db.Feedback, ignoring: ArchiveRules.FeedbackOpen)).Select(d => d.Id).ToListAsync())
            .ShouldBe(inMemory.Where(p => p.Value is null or ArchiveRules.FeedbackOpen).Select(p => p.Key), ignoreOrder: true);
    }
}
