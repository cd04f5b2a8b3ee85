using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Lifecycle;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

/// <summary>
/// "Display is what was served" through the services on real SQLite: after a late approval, an approval after the end,
/// a withdrawal inside the minimum display and a published correction, the records, the dashboard and the assessment say
/// the same thing.
/// </summary>
public sealed class ServedDisplayServiceTests : IAsyncLifetime
{
    private ServiceHarness harness = default!;
    private TestBureau bureau = default!;
    private IReadOnlyDictionary<string, int[]> plan = default!;

    private DateTime Now => bureau.Now;

    public async Task InitializeAsync()
    {
        harness = await ServiceHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness);
        // Today is Thursday 2026-11-26: two lines were due yesterday, two are due next week.
        plan = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "迟批事项", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 11, 30)]),
            new PlannedItem(bureau.BranchAId, "过期事项", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 11, 25)]),
            new PlannedItem(bureau.BranchAId, "撤回事项", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 11, 25)]),
            new PlannedItem(bureau.BranchAId, "更正事项", Cadence.Monthly, Audience.Public, [new DateOnly(2026, 11, 30)]));
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>A draft for the line's occurrence, written and submitted by the secretary at <paramref name="atUtc"/>, asking for the given period.</summary>
    private async Task<int> SubmittedAsync(string line, DateTime atUtc, DateTime fromUtc, DateTime untilUtc)
    {
        await using var db = harness.NewDb();
        var occurrence = await db.CatalogueOccurrences.Include(o => o.CatalogueItem).SingleAsync(o => o.Id == plan[line][0]);
        var d = Disclosure.ForOccurrence(occurrence, occurrence.CatalogueItem!, bureau["secA"], atUtc);
        d.Edit(line, $"{line}正文。", d.Channels, d.Audience, fromUtc, untilUtc, false, bureau["secA"], atUtc);
        d.Submit(bureau["secA"], atUtc, []);
        db.Disclosures.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    }

    private async Task<Result> AsAsync(string userName, Func<AsyncServiceScope, Task<Result>> act)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        return await act(scope);
    }

    private async Task<Result> ApproveAsync(int id)
    {
        int version;
        await using (var db = harness.NewDb()) version = (await db.Disclosures.SingleAsync(d => d.Id == id)).Version;
        return await AsAsync("office", s => harness.Get<DisclosureReviewService>(s).ApproveAsync(id, version, true, null));
    }

    private async Task<(Disclosure Disclosure, CatalogueOccurrence Occurrence)> RecordsAsync(string line, int id)
    {
        await using var db = harness.NewDb();
        return (await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == id),
            await db.CatalogueOccurrences.AsNoTracking().SingleAsync(o => o.Id == plan[line][0]));
    }

    [Fact]
    public async Task A_late_approval_an_approval_after_the_end_a_short_withdrawal_and_a_correction_agree_in_records_dashboard_and_assessment()
    {
        var start = Now;
        // Asked to start three days ago for eight days; approved only now.
        var late = await SubmittedAsync("迟批事项", start.AddDays(-4), start.AddDays(-3), start.AddDays(5));
        (await ApproveAsync(late)).Succeeded.ShouldBeTrue();
        var (lateRecord, lateOccurrence) = await RecordsAsync("迟批事项", late);
        lateRecord.State.ShouldBe(DisclosureState.Published);
        lateRecord.PublishedAtUtc.ShouldBe(start);
        lateRecord.DisplayFromUtc.ShouldBe(start);
        lateRecord.DisplayUntilUtc.ShouldBe(start.AddDays(8));
        lateOccurrence.State.ShouldBe(OccurrenceState.Fulfilled);
        lateOccurrence.FulfilledAtUtc.ShouldBe(start);

        // Asked for a period that ended yesterday: refused with what to do, nothing published.
        var expired = await SubmittedAsync("过期事项", start.AddDays(-10), start.AddDays(-9), start.AddDays(-1));
        var refused = await ApproveAsync(expired);
        refused.Succeeded.ShouldBeFalse();
        refused.Message.ShouldNotBeNull().ShouldContain("重新选择展示期");
        var (expiredRecord, expiredOccurrence) = await RecordsAsync("过期事项", expired);
        expiredRecord.State.ShouldBe(DisclosureState.Submitted);
        expiredRecord.PublishedAtUtc.ShouldBeNull();
        expiredOccurrence.State.ShouldBe(OccurrenceState.Open);

        // Published now, withdrawn five minutes later: the occurrence is due again (and overdue).
        var shortLived = await SubmittedAsync("撤回事项", start.AddDays(-1), start, start.AddDays(7));
        (await ApproveAsync(shortLived)).Succeeded.ShouldBeTrue();
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        int shortVersion;
        await using (var db = harness.NewDb()) shortVersion = (await db.Disclosures.SingleAsync(d => d.Id == shortLived)).Version;
        (await AsAsync("secA", s => harness.Get<DisclosureLifecycleService>(s).WithdrawAsync(shortLived, shortVersion, "内容有误"))).Succeeded.ShouldBeTrue();
        var (_, withdrawnOccurrence) = await RecordsAsync("撤回事项", shortLived);
        withdrawnOccurrence.State.ShouldBe(OccurrenceState.Open);
        withdrawnOccurrence.DisclosureId.ShouldBeNull();

        // Published, then corrected an hour later: the correction replaces it on the board; the occurrence stays fulfilled
        // from the first publication.
        var original = await SubmittedAsync("更正事项", start.AddDays(-1), Now, Now.AddDays(10));
        (await ApproveAsync(original)).Succeeded.ShouldBeTrue();
        var originalPublished = Now;
        harness.Time.Advance(TimeSpan.FromHours(1));
        int correction = 0;
        await harness.SignInAsync("secA");
        await using (var scope = harness.NewScope())
        {
            var opened = await harness.Get<DisclosureLifecycleService>(scope).ReviseAsync(original, "日期有误");
            opened.Succeeded.ShouldBeTrue(opened.Message);
            correction = opened.Value;
        }
        await using (var db = harness.NewDb())
        {
            var draft = await db.Disclosures.SingleAsync(d => d.Id == correction);
            draft.Edit("更正事项（更正）", "更正后的正文。", draft.Channels, draft.Audience, Now, Now.AddDays(10), false, bureau["secA"], Now);
            draft.Submit(bureau["secA"], Now, []);
            await db.SaveChangesAsync();
        }
        (await ApproveAsync(correction)).Succeeded.ShouldBeTrue();
        var (originalRecord, correctedOccurrence) = await RecordsAsync("更正事项", original);
        originalRecord.State.ShouldBe(DisclosureState.Closed);
        originalRecord.SupersededByDisclosureId.ShouldBe(correction);
        correctedOccurrence.State.ShouldBe(OccurrenceState.Fulfilled);
        correctedOccurrence.FulfilledAtUtc.ShouldBe(originalPublished);
        await using (var db = harness.NewDb())
        {
            var correctionRecord = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == correction);
            correctionRecord.IsInCatalogue.ShouldBeTrue();
            correctionRecord.RevisionReason.ShouldBe("日期有误");
        }

        // The anonymous board shows the correction only; the superseded page links forward.
        harness.Auth.SignOut();
        await using (var scope = harness.NewScope())
        {
            var board = await harness.Get<BoardService>(scope).ListAsync(null);
            var shown = board.Value!.Organizations.SelectMany(o => o.Categories).SelectMany(c => c.Current.Concat(c.Standing)).Select(e => e.Id).ToList();
            shown.ShouldContain(correction);
            shown.ShouldNotContain(original);
            var superseded = (await harness.Get<BoardService>(scope).GetItemAsync(original)).Value!;
            superseded.SupersededBy.ShouldNotBeNull().Id.ShouldBe(correction);
        }

        // The dashboard: the two lines with nothing served are overdue, the late-approved and corrected ones are not.
        DashboardView dashboard;
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope()) dashboard = (await harness.Get<DashboardService>(scope).GetAsync()).Value!;
        dashboard.Overdue.Items.Select(o => o.ItemTitle).ShouldBe(["过期事项", "撤回事项"], ignoreOrder: true);

        // The assessment counts the same: two on time, two missed, nothing late.
        AssessmentView assessment;
        await using (var scope = harness.NewScope()) assessment = (await harness.Get<AssessmentQueryService>(scope).GetAsync(AssessmentPeriod.OfYear(2026))).Value!;
        var branch = assessment.Rows.Single(r => r.OrganizationId == bureau.BranchAId);
        (branch.Due, branch.OnTime, branch.Late, branch.Missed).ShouldBe((4, 2, 0, 2));
    }
}
