using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Assessment.AssessmentStory;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>
/// A standing line with a gap, on real SQLite; today is Thursday 2026-11-26, 10:00 in Beijing.
///   A 党员服务承诺 (standing) due Tue 11-10; first item up Thu 11-12 10:00 (11-11 a gap), withdrawn Mon 11-16 10:00 after its
///     minimum display, so the occurrence stays fulfilled; nothing since: 11-17 … 11-26 are gaps. A: 1 + 10 = 11 gap days.
///   B 救助服务承诺 (standing) due Fri 11-20, up that morning for a week: no gap, on display now.
/// The records, the dashboard and the assessment agree.
/// </summary>
public sealed class StandingLineTests
{
    [Fact]
    public async Task A_standing_line_with_a_gap_shows_alike_in_the_records_on_the_dashboard_and_in_the_assessment()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var b = await TestBureau.CreateAsync(harness);
        var plan = await b.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(b.BranchAId, "党员服务承诺", Cadence.Yearly, Audience.Public, [D(2026, 11, 10)], Standing: true),
            new PlannedItem(b.BranchBId, "救助服务承诺", Cadence.Yearly, Audience.Public, [D(2026, 11, 20)], Standing: true));
        var gapLine = plan["党员服务承诺"][0];
        var item = await b.ForOccurrenceAsync(gapLine, "党员服务承诺", DisclosureState.Published, Bj(2026, 11, 12, 10));
        await using (var db = harness.NewDb())
        {
            var shown = await db.Disclosures.Include(d => d.CatalogueOccurrence).SingleAsync(d => d.Id == item);
            shown.Withdraw(b["secA"], Bj(2026, 11, 16, 10), "内容需调整");
            await db.SaveChangesAsync();
        }
        await b.ForOccurrenceAsync(plan["救助服务承诺"][0], "救助服务承诺", DisclosureState.Published, Bj(2026, 11, 20, 9), "secB");

        // The records: the line was fulfilled (it stayed up past its minimum), yet nothing of it is on display now.
        await using (var db = harness.NewDb())
        {
            (await db.CatalogueOccurrences.SingleAsync(o => o.Id == gapLine)).State.ShouldBe(OccurrenceState.Fulfilled);
            var displays = (await db.Disclosures.Where(d => d.CatalogueOccurrenceId == gapLine).ToListAsync())
                .Select(StandingRules.Displayed).OfType<(DateTime, DateTime)>().ToList();
            displays.ShouldBe([(Bj(2026, 11, 12, 10), Bj(2026, 11, 16, 10))]);
            StandingRules.GapDays(D(2026, 11, 10), D(2026, 1, 1), D(2026, 11, 26), harness.Get<BureauClock>(harness.NewScope()).Zone, displays)
                .ShouldBe([D(2026, 11, 11), .. Enumerable.Range(17, 10).Select(day => D(2026, 11, day))]);
        }

        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var dashboard = (await harness.Get<DashboardService>(scope).GetAsync()).Value!;
        dashboard.StandingGaps.Total.ShouldBe(1);
        dashboard.StandingGaps.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.ItemTitle.ShouldBe("党员服务承诺"),
            r => r.OrganizationName.ShouldBe("第一党支部"),
            r => r.DueDate.ShouldBe(D(2026, 11, 10)));
        dashboard.Overdue.Items.ShouldNotContain(r => r.Id == gapLine);

        var assessment = harness.Get<AssessmentQueryService>(scope);
        foreach (var (period, expected) in new[] { (AssessmentPeriod.OfYear(2026), 11), (AssessmentPeriod.OfMonth(2026, 11), 11), (AssessmentPeriod.OfMonth(2026, 10), 0) })
        {
            var view = (await assessment.GetAsync(period)).Value!;
            view.Rows.Single(r => r.OrganizationId == b.BranchAId).StandingGapDays.ShouldBe(expected, period.ToString());
            view.Rows.Single(r => r.OrganizationId == b.BranchBId).StandingGapDays.ShouldBe(0);
            view.Total.StandingGapDays.ShouldBe(expected);
        }
        var lines = (await assessment.ItemsAsync(AssessmentPeriod.OfYear(2026), null, AssessmentMeasure.StandingGapDays)).Value!;
        lines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            l => l.Title.ShouldBe("党员服务承诺"),
            l => l.Detail.ShouldContain("11"));
    }
}
