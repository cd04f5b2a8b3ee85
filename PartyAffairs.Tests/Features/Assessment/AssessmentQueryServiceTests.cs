using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Assessment;

public sealed class AssessmentQueryServiceTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>
    /// Today is 2026-11-26 in Beijing. Worked by hand:
    /// Branch A, quarterly item due 04-10, 07-10, 10-12, 2027-01-11: Q1 published 04-09 (on time); Q2 published
    /// 07-10 17:00 UTC, which is 07-11 01:00 in Beijing (late, though the UTC date is the due date); Q3 open
    /// (overdue); Q4 not yet due. An immediate item due today, open: due, not overdue. A cancelled occurrence: not
    /// counted. So A: due 4, on time 1, late 1, overdue open 1.
    /// Branch B, yearly item due 01-15, published 01-14 16:30 UTC = 01-15 00:30 Beijing: on time. B: due 1, on time 1.
    /// Out of catalogue: A published one on 03-01 and one at 2025-12-31 17:00 UTC (2026-01-01 in Beijing) = 2;
    /// A's draft does not count; B's was published 2025-12-31 15:00 UTC (still 2025 in Beijing) = 0.
    /// Feedback: A received three in 2026 (one late, one in time, one closed); B's arrived 2025-12-31 23:30 Beijing.
    /// The 2025 catalogue's open occurrence does not count for 2026.
    /// </summary>
    private static async Task SeedAsync(TestBureau bureau)
    {
        var plan = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, [D(2026, 4, 10), D(2026, 7, 10), D(2026, 10, 12), D(2027, 1, 11)]),
            new PlannedItem(bureau.BranchAId, "发展党员公示", Cadence.Immediate, Audience.Public, [D(2026, 11, 26)]),
            new PlannedItem(bureau.BranchAId, "已撤销事项", Cadence.Yearly, Audience.Public, [D(2026, 3, 1)]),
            new PlannedItem(bureau.BranchBId, "党费收缴情况", Cadence.Yearly, Audience.AllMembers, [D(2026, 1, 15)]));
        await bureau.CatalogueAsync(2025, CatalogueState.InForce,
            new PlannedItem(bureau.BranchBId, "去年的事项", Cadence.Yearly, Audience.AllMembers, [D(2025, 6, 1)]));

        var meetings = plan["支部党员大会"];
        await bureau.ForOccurrenceAsync(meetings[0], "一季度", DisclosureState.Published, Utc(2026, 4, 9, 2));
        await bureau.ForOccurrenceAsync(meetings[1], "二季度", DisclosureState.Closed, Utc(2026, 7, 10, 17));
        await bureau.CancelOccurrenceAsync(plan["已撤销事项"][0]);
        await bureau.ForOccurrenceAsync(plan["党费收缴情况"][0], "党费", DisclosureState.Published, Utc(2026, 1, 14, 16, 30), "secB");

        var aMarch = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 三月", Audience.Public, DisclosureState.Published, Utc(2026, 3, 1, 2));
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 元旦", Audience.Public, DisclosureState.Closed, Utc(2025, 12, 31, 17));
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 草稿", Audience.Public, DisclosureState.Draft, bureau.Now);
        var bOld = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B 年末", Audience.Public, DisclosureState.Published, Utc(2025, 12, 31, 15));

        await bureau.FeedbackAsync(aMarch, Utc(2026, 3, 2, 2), stepDueAtUtc: Utc(2026, 3, 9, 10));
        await bureau.FeedbackAsync(aMarch, Utc(2026, 3, 3, 2), stepDueAtUtc: Utc(2026, 12, 31, 10));
        await bureau.FeedbackAsync(aMarch, Utc(2026, 3, 4, 2), stepDueAtUtc: Utc(2026, 3, 10, 10), closed: true);
        await bureau.FeedbackAsync(bOld, Utc(2025, 12, 31, 15, 30), stepDueAtUtc: Utc(2026, 1, 7, 10));
    }

    [Fact]
    public async Task The_figures_equal_the_hand_worked_ones_for_every_organization()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await SeedAsync(bureau);
        await harness.SignInAsync("leader");
        await using var scope = harness.NewScope();

        var result = await harness.Get<AssessmentQueryService>(scope).GetAsync(2026);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value!.AsOf.ShouldBe(D(2026, 11, 26));
        result.Value.Rows.ShouldBe([
            new AssessmentRow(bureau.CommitteeId, "机关党委", 0, 0, 0, 0, 0, 0, 0, 0),
            new AssessmentRow(bureau.BranchAId, "第一党支部", Due: 4, OnTime: 1, Late: 1, OverdueOpen: 1, OutOfCatalogue: 2, FeedbackReceived: 3, FeedbackClosed: 1, FeedbackLate: 1),
            new AssessmentRow(bureau.BranchBId, "第二党支部", Due: 1, OnTime: 1, Late: 0, OverdueOpen: 0, OutOfCatalogue: 0, FeedbackReceived: 0, FeedbackClosed: 0, FeedbackLate: 0),
        ]);
    }

    [Fact]
    public async Task The_previous_year_counts_its_own_plan_and_feedback()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await SeedAsync(bureau);
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();

        var b = (await harness.Get<AssessmentQueryService>(scope).GetAsync(2025)).Value!.Rows.Single(r => r.OrganizationId == bureau.BranchBId);

        b.ShouldBe(new AssessmentRow(bureau.BranchBId, "第二党支部", Due: 1, OnTime: 0, Late: 0, OverdueOpen: 1, OutOfCatalogue: 1, FeedbackReceived: 1, FeedbackClosed: 0, FeedbackLate: 1));
    }

    [Fact]
    public async Task A_secretary_assesses_only_their_own_branch_and_others_are_refused()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await SeedAsync(bureau);
        await using var scope = harness.NewScope();
        var service = harness.Get<AssessmentQueryService>(scope);

        await harness.SignInAsync("secB");
        (await service.GetAsync(2026)).Value!.Rows.ShouldHaveSingleItem().OrganizationName.ShouldBe("第二党支部");
        foreach (var refused in new[] { "drafterA", "memberA", "handler", "admin" })
        {
            await harness.SignInAsync(refused);
            (await service.GetAsync(2026)).Status.ShouldBe(ResultStatus.Forbidden, refused);
        }
    }
}
