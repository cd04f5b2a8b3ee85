using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues;

public sealed class StandingPlanRecomputationTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Open_standing_lines_planned_as_reports_after_the_year_are_replanned_from_the_catalogue_coming_into_force_once_and_audited()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var b = await TestBureau.CreateAsync(harness);
        // Planned under the first year's rule: due 15 working days after the year ends. In force since 2025-12-01.
        var plan = await b.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(b.BranchAId, "服务承诺", Cadence.Yearly, Audience.Public, [D(2027, 1, 21)], Standing: true),
            new PlannedItem(b.BranchAId, "已公开的长期事项", Cadence.Yearly, Audience.Public, [D(2027, 1, 21)], Standing: true),
            new PlannedItem(b.BranchAId, "年度总结", Cadence.Yearly, Audience.Public, [D(2027, 1, 21)]));
        await b.ForOccurrenceAsync(plan["已公开的长期事项"][0], "已公开的长期事项", DisclosureState.Published, b.Now.AddDays(-3));
        var recomputation = harness.Get<StandingPlanRecomputation>(harness.NewScope());

        (await recomputation.RunAsync(CancellationToken.None)).ShouldBe(1);
        (await recomputation.RunAsync(CancellationToken.None)).ShouldBe(0);

        await using var db = harness.NewDb();
        var standing = await db.CatalogueOccurrences.SingleAsync(o => o.Id == plan["服务承诺"][0]);
        // 2026-01-01..03 are holidays and Sunday 01-04 a make-up working day: the tenth working day is Thursday 01-15.
        (standing.Label, standing.PeriodStart, standing.PeriodEnd, standing.DueDate, standing.State)
            .ShouldBe(("2026年度（长期公开）", D(2026, 1, 1), D(2026, 12, 31), D(2026, 1, 15), OccurrenceState.Open));
        (await db.CatalogueOccurrences.SingleAsync(o => o.Id == plan["已公开的长期事项"][0])).State.ShouldBe(OccurrenceState.Fulfilled);
        (await db.CatalogueOccurrences.SingleAsync(o => o.Id == plan["年度总结"][0])).DueDate.ShouldBe(D(2027, 1, 21));
        var audit = await db.AuditEntries.Where(a => a.Action == WorkflowAction.ReplanStanding).ToListAsync();
        audit.ShouldHaveSingleItem().Reason.ShouldStartWith(StandingPlanRecomputation.Reason);
        audit[0].ActorName.ShouldNotBeNullOrWhiteSpace();
    }
}
