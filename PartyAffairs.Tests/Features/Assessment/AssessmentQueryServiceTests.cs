using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Components;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Assessment.AssessmentStory;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>Every measure on the crafted year of <see cref="AssessmentStory"/>, whose comment works each figure out by hand.</summary>
public sealed class AssessmentQueryServiceTests
{
    private static AssessmentRow Row(int id, string name, int due, int onTime, int late, int missed, int outOfCatalogue, int redisclosures,
        int received, int abusive, int inTime, int results, int handled, double? median, int rectificationsOpen) =>
        new(id, name, due, onTime, late, missed, outOfCatalogue, redisclosures, received, abusive, inTime, results, handled, median, rectificationsOpen);

    private static async Task<(ServiceHarness Harness, AssessmentStory Story)> StoryAsync(string userName)
    {
        var harness = await ServiceHarness.CreateAsync();
        var story = await AssessmentStory.CreateAsync(harness);
        await harness.SignInAsync(userName);
        return (harness, story);
    }

    private static async Task<AssessmentView> ViewAsync(ServiceHarness harness, AssessmentPeriod period)
    {
        await using var scope = harness.NewScope();
        var result = await harness.Get<AssessmentQueryService>(scope).GetAsync(period);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task The_year_equals_the_hand_worked_figures_for_every_organization_and_the_total()
    {
        var (harness, story) = await StoryAsync("leader");
        await using var _ = harness;
        var b = story.Bureau;

        var view = await ViewAsync(harness, AssessmentPeriod.OfYear(2026));

        view.AsOf.ShouldBe(D(2026, 11, 26));
        view.Rows.ShouldBe([
            Row(b.CommitteeId, "机关党委", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0),
            Row(b.BranchAId, "第一党支部", 5, 3, 1, 1, 2, 1, 3, 1, 2, 2, 2, 6.5, 1),
            Row(b.BranchBId, "第二党支部", 2, 1, 1, 0, 1, 0, 2, 0, 1, 1, 1, 7, 0),
        ]);
        view.Total.ShouldBe(Row(0, "合计", 7, 4, 2, 1, 3, 1, 5, 1, 3, 3, 3, 7, 1));
        view.Rows[1].OnTimeRate.ShouldBe(60.0);
        view.Trend.Where(t => t.OnTime + t.Late + t.Missed > 0).ShouldBe([
            new AssessmentTrendPoint(7, 1, 0, 0), new AssessmentTrendPoint(9, 0, 1, 0), new AssessmentTrendPoint(10, 2, 1, 0),
            new AssessmentTrendPoint(11, 0, 0, 1), new AssessmentTrendPoint(12, 1, 0, 0)]);
    }

    [Fact]
    public async Task The_fourth_quarter_and_october_count_only_what_falls_in_them()
    {
        var (harness, story) = await StoryAsync("office");
        await using var _ = harness;
        var b = story.Bureau;

        var quarter = await ViewAsync(harness, AssessmentPeriod.OfQuarter(2026, 4));
        quarter.Rows.Skip(1).ShouldBe([
            Row(b.BranchAId, "第一党支部", 4, 3, 0, 1, 1, 1, 0, 1, 0, 0, 0, null, 1),
            Row(b.BranchBId, "第二党支部", 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, null, 0),
        ]);

        var october = await ViewAsync(harness, AssessmentPeriod.OfMonth(2026, 10));
        october.Rows.Skip(1).ShouldBe([
            Row(b.BranchAId, "第一党支部", 2, 2, 0, 0, 1, 0, 0, 1, 0, 0, 0, null, 2),
            Row(b.BranchBId, "第二党支部", 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, null, 0),
        ]);

        (await ViewAsync(harness, AssessmentPeriod.OfQuarter(2026, 2))).Rows.Single(r => r.OrganizationId == b.BranchBId).RectificationsOpen.ShouldBe(1);
        (await ViewAsync(harness, AssessmentPeriod.OfQuarter(2026, 3))).Rows.Single(r => r.OrganizationId == b.BranchAId)
            .ShouldBe(Row(b.BranchAId, "第一党支部", 1, 0, 1, 0, 1, 0, 3, 0, 2, 2, 2, 6.5, 0));
    }

    [Fact]
    public async Task A_page_holds_its_organizations_in_the_order_asked_for_and_the_total_of_them_all()
    {
        var (harness, story) = await StoryAsync("office");
        await using var _ = harness;
        var b = story.Bureau;
        await using var scope = harness.NewScope();
        var service = harness.Get<AssessmentQueryService>(scope);
        var year = AssessmentPeriod.OfYear(2026);
        var whole = (await service.GetAsync(year)).Value!;

        var first = (await service.GetAsync(year, new AssessmentPaging(0, 2))).Value!;
        var second = (await service.GetAsync(year, new AssessmentPaging(1, 2))).Value!;
        first.Rows.Concat(second.Rows).ShouldBe(whole.Rows);
        (first.Rows.Count, second.Rows.Count, first.RowCount, second.RowCount).ShouldBe((2, 1, 3, 3));
        second.Total.ShouldBe(whole.Total);
        second.Trend.ShouldBe(whole.Trend);

        // Most missed first (第一党支部 missed one), ties in the bureau's order; late: both branches one, the committee none.
        var missed = (await service.GetAsync(year, new AssessmentPaging(0, 1, AssessmentMeasure.Missed))).Value!;
        missed.Rows.Select(r => r.OrganizationId).ShouldBe([b.BranchAId]);
        var late = (await service.GetAsync(year, new AssessmentPaging(0, 3, AssessmentMeasure.Late))).Value!;
        late.Rows.Select(r => r.OrganizationId).ShouldBe([b.BranchAId, b.BranchBId, b.CommitteeId]);
    }

    [Fact]
    public async Task Every_figure_opens_exactly_the_records_it_counts()
    {
        var (harness, story) = await StoryAsync("leader");
        await using var _ = harness;
        await using var scope = harness.NewScope();
        var service = harness.Get<AssessmentQueryService>(scope);

        foreach (var period in new[] { AssessmentPeriod.OfYear(2026), AssessmentPeriod.OfQuarter(2026, 4), AssessmentPeriod.OfMonth(2026, 10) })
        {
            var view = (await service.GetAsync(period)).Value!;
            foreach (var row in view.Rows.Append(view.Total))
            {
                foreach (var measure in Enum.GetValues<AssessmentMeasure>())
                {
                    var items = await service.ItemsAsync(period, row.OrganizationId == 0 ? null : row.OrganizationId, measure);
                    items.Succeeded.ShouldBeTrue(items.Message);
                    items.Value!.Count.ShouldBe(row.Count(measure), $"{period} {row.OrganizationName} {measure}");
                }
            }
        }
    }

    [Fact]
    public async Task The_missed_and_late_items_name_the_occurrence_and_link_to_where_it_is_handled()
    {
        var (harness, story) = await StoryAsync("leader");
        await using var _ = harness;
        await using var scope = harness.NewScope();
        var service = harness.Get<AssessmentQueryService>(scope);
        var year = AssessmentPeriod.OfYear(2026);

        var missed = (await service.ItemsAsync(year, story.Bureau.BranchAId, AssessmentMeasure.Missed)).Value!.ShouldHaveSingleItem();
        missed.Title.ShouldBe("月度党费（第4期）");
        missed.Link.ShouldBe(AppRoutes.Schedule);
        missed.Detail.ShouldContain("2026-11-10");

        var late = (await service.ItemsAsync(year, story.Bureau.BranchAId, AssessmentMeasure.Late)).Value!.ShouldHaveSingleItem();
        late.Detail.ShouldContain("2026-10-01");
        late.Link!.ShouldStartWith("/disclosures/");

        var redisclosed = (await service.ItemsAsync(year, null, AssessmentMeasure.Redisclosures)).Value!.ShouldHaveSingleItem();
        redisclosed.Title.ShouldBe("A 国庆后（更正）");
        (await service.ItemsAsync(year, null, AssessmentMeasure.RectificationsOpen)).Value!.ShouldHaveSingleItem().Title.ShouldBe("公开栏未按月更新");
        (await service.ItemsAsync(year, story.Bureau.BranchAId, AssessmentMeasure.FeedbackHandled)).Value!
            .Select(i => i.Link).ShouldAllBe(link => link == AppRoutes.Feedback);
    }

    [Fact]
    public async Task The_status_the_database_computes_is_the_one_the_domain_gives_each_occurrence()
    {
        var (harness, _) = await StoryAsync("leader");
        await using var __ = harness;
        var today = D(2026, 11, 26);
        await using var db = harness.NewDb();

        var computed = await db.CatalogueOccurrences.Select(AssessmentRules.Facts(today, TimeSpan.FromHours(8))).ToDictionaryAsync(f => f.Id, f => f.Status);
        var occurrences = await db.CatalogueOccurrences.ToListAsync();

        occurrences.Count.ShouldBe(9);
        foreach (var o in occurrences)
        {
            DateOnly? publishedOn = o.FulfilledAtUtc is { } at ? DateOnly.FromDateTime(at.AddHours(8)) : null;
            var domain = o.StatusOn(today, publishedOn);
            computed[o.Id].ShouldBe(domain == OccurrenceStatus.DueSoon ? OccurrenceStatus.NotDue : domain, o.Label);
        }
    }

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 10, 15)]
    [InlineData(2026, 11, 26)]
    [InlineData(2027, 6, 1)]
    public async Task The_counted_filter_keeps_exactly_the_occurrences_whose_status_is_on_time_late_or_overdue(int year, int month, int day)
    {
        var (harness, _) = await StoryAsync("leader");
        await using var __ = harness;
        var today = D(year, month, day);
        await using var db = harness.NewDb();

        var filtered = await db.CatalogueOccurrences.Where(AssessmentRules.Counted(today)).Select(o => o.Id).OrderBy(id => id).ToListAsync();
        var byStatus = (await db.CatalogueOccurrences.Select(AssessmentRules.Facts(today, TimeSpan.FromHours(8))).ToListAsync())
            .Where(f => f.Status is OccurrenceStatus.FulfilledOnTime or OccurrenceStatus.FulfilledLate or OccurrenceStatus.Overdue)
            .Select(f => f.Id).Order().ToList();

        filtered.ShouldBe(byStatus);
        // Not vacuous: the story's year has counted occurrences by its own today, and open ones that are not yet overdue.
        if (today == D(2026, 11, 26)) filtered.Count.ShouldBeInRange(1, await db.CatalogueOccurrences.CountAsync() - 1);
    }

    [Fact]
    public async Task A_secretary_assesses_only_their_own_branch_and_nobody_else_assesses()
    {
        var (harness, story) = await StoryAsync("secB");
        await using var _ = harness;
        await using var scope = harness.NewScope();
        var service = harness.Get<AssessmentQueryService>(scope);
        var year = AssessmentPeriod.OfYear(2026);

        var own = (await service.GetAsync(year)).Value!;
        own.Rows.ShouldHaveSingleItem().OrganizationName.ShouldBe("第二党支部");
        own.Total.Due.ShouldBe(2);
        (await service.ItemsAsync(year, story.Bureau.BranchBId, AssessmentMeasure.Late)).Value!.Count.ShouldBe(1);
        (await service.ItemsAsync(year, null, AssessmentMeasure.Due)).Value!.Count.ShouldBe(2);
        (await service.ItemsAsync(year, story.Bureau.BranchAId, AssessmentMeasure.Missed)).Status.ShouldBe(ResultStatus.Forbidden);

        foreach (var refused in new[] { "drafterA", "memberA", "handler", "admin" })
        {
            await harness.SignInAsync(refused);
            (await service.GetAsync(year)).Status.ShouldBe(ResultStatus.Forbidden, refused);
            (await service.ItemsAsync(year, null, AssessmentMeasure.Due)).Status.ShouldBe(ResultStatus.Forbidden, refused);
        }
    }

    [Fact]
    public async Task Kept_figures_are_shared_only_by_readers_of_the_same_organizations_and_each_reads_them_in_their_language()
    {
        var (harness, story) = await StoryAsync("office");
        await using var _ = harness;
        var year = AssessmentPeriod.OfYear(2026);
        (await ViewAsync(harness, year)).Rows.Count.ShouldBe(3);

        await harness.SignInAsync("secB");
        (await ViewAsync(harness, year)).Rows.ShouldHaveSingleItem().OrganizationName.ShouldBe("第二党支部");

        await harness.SignInAsync("leader");
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = await ViewAsync(harness, year);
            english.Rows.Count.ShouldBe(3);
            english.Total.OrganizationName.ShouldBe("Total");
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        (await ViewAsync(harness, year)).Total.OrganizationName.ShouldBe("合计");
    }

    [Fact]
    public async Task The_figures_are_counted_again_after_a_committed_change_and_a_silent_write_shows_within_the_max_age()
    {
        var (harness, story) = await StoryAsync("office");
        await using var _ = harness;
        var year = AssessmentPeriod.OfYear(2026);
        var branchB = story.Bureau.BranchBId;
        (await ViewAsync(harness, year)).Rows.Single(r => r.OrganizationId == branchB).OrganizationName.ShouldBe("第二党支部");

        // A write that announces nothing (no audit row): the kept figures stand until the max age has passed.
        await using (var db = harness.NewDb())
        {
            await db.Organizations.Where(o => o.Id == branchB).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "第二党支部（更名）"));
        }
        (await ViewAsync(harness, year)).Rows.Single(r => r.OrganizationId == branchB).OrganizationName.ShouldBe("第二党支部");
        harness.Time.Advance(FiguresCache.MaxAge + TimeSpan.FromSeconds(1));
        (await ViewAsync(harness, year)).Rows.Single(r => r.OrganizationId == branchB).OrganizationName.ShouldBe("第二党支部（更名）");

        // A committed change announced on the live stream: counted again at once.
        await using (var db = harness.NewDb())
        {
            await db.Organizations.Where(o => o.Id == branchB).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "第二党支部"));
        }
        (await ViewAsync(harness, year)).Rows.Single(r => r.OrganizationId == branchB).OrganizationName.ShouldBe("第二党支部（更名）");
        harness.Services.GetRequiredService<LiveEventStream>().Publish(
            [new ChangeEvent(nameof(Organization), branchB, branchB, WorkflowAction.Create, null, null, "admin", DateTime.UtcNow, null)]);
        (await ViewAsync(harness, year)).Rows.Single(r => r.OrganizationId == branchB).OrganizationName.ShouldBe("第二党支部");
    }
}
