using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues;

public sealed class CatalogueQueryServiceTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<TestBureau> PlanAsync(ServiceHarness harness)
    {
        var bureau = await TestBureau.CreateAsync(harness);
        var occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, [D(2026, 4, 10), D(2026, 7, 10), D(2026, 10, 12), D(2027, 1, 11)]),
            new PlannedItem(bureau.BranchBId, "党费收缴情况", Cadence.Yearly, Audience.AllMembers, [D(2026, 12, 31)], Category.Other),
            new PlannedItem(bureau.CommitteeId, "机关党委工作要点", Cadence.Yearly, Audience.Public, [D(2026, 3, 31)], Category.ResolutionsAndExecution));
        await bureau.ForOccurrenceAsync(occurrences["支部党员大会"][0], "一季度党员大会", DisclosureState.Published, new DateTime(2026, 4, 9, 2, 0, 0, DateTimeKind.Utc));
        // 17:00 UTC on the due date is 01:00 the next day in Beijing: late.
        await bureau.ForOccurrenceAsync(occurrences["支部党员大会"][1], "二季度党员大会", DisclosureState.Published, new DateTime(2026, 7, 10, 17, 0, 0, DateTimeKind.Utc));
        return bureau;
    }

    [Fact]
    public async Task A_member_reads_the_whole_bureau_plan_with_each_occurrence_state_and_overdue_flag()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await PlanAsync(harness);
        await harness.SignInAsync("memberB");
        await using var scope = harness.NewScope();

        var result = await harness.Get<CatalogueQueryService>(scope).GetAsync(2026, new CatalogueFilter());

        result.Succeeded.ShouldBeTrue(result.Message);
        var view = result.Value!;
        view.Catalogue!.State.ShouldBe(CatalogueState.InForce);
        view.Items.Select(i => i.Title).ShouldBe(["机关党委工作要点", "支部党员大会", "党费收缴情况"]);
        var meetings = view.Items.Single(i => i.Title == "支部党员大会");
        // Today is 2026-11-26: Q1 was published in time, Q2 a day late; Q3 is past due and open; Q4 is due next January.
        meetings.Occurrences.Select(o => o.State).ShouldBe([OccurrenceState.Fulfilled, OccurrenceState.Fulfilled, OccurrenceState.Open, OccurrenceState.Open]);
        meetings.Occurrences.Select(o => o.IsOverdue).ShouldBe([false, false, true, false]);
        meetings.Occurrences.Select(o => o.PublishedOn).ShouldBe([D(2026, 4, 9), D(2026, 7, 11), null, null]);
        meetings.Occurrences.Select(o => o.PublishedLate).ShouldBe([false, true, false, false]);
        meetings.Occurrences[0].DisclosureId.ShouldNotBeNull();
        meetings.OverdueCount.ShouldBe(1);
    }

    [Fact]
    public async Task Filters_narrow_by_organization_category_cadence_and_audience()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await PlanAsync(harness);
        await harness.SignInAsync("secA");
        await using var scope = harness.NewScope();
        var service = harness.Get<CatalogueQueryService>(scope);

        async Task<IEnumerable<string>> Titles(CatalogueFilter filter) => (await service.GetAsync(2026, filter)).Value!.Items.Select(i => i.Title);

        (await Titles(new CatalogueFilter(OrganizationId: bureau.BranchBId))).ShouldBe(["党费收缴情况"]);
        (await Titles(new CatalogueFilter(Category: Category.ResolutionsAndExecution))).ShouldBe(["机关党委工作要点"]);
        (await Titles(new CatalogueFilter(Cadence: Cadence.Quarterly))).ShouldBe(["支部党员大会"]);
        (await Titles(new CatalogueFilter(Audience: Audience.Public))).ShouldBe(["机关党委工作要点"]);
        (await Titles(new CatalogueFilter(OrganizationId: bureau.BranchAId, Cadence: Cadence.Yearly))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_year_without_a_catalogue_says_so_and_lists_the_years_that_have_one()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await PlanAsync(harness);
        await harness.SignInAsync("leader");
        await using var scope = harness.NewScope();

        var view = (await harness.Get<CatalogueQueryService>(scope).GetAsync(2027, new CatalogueFilter())).Value!;

        view.Catalogue.ShouldBeNull();
        view.Items.ShouldBeEmpty();
        view.Years.ShouldBe([2026]);
    }

    [Fact]
    public async Task A_pure_admin_may_not_read_the_catalogue()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await PlanAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<CatalogueQueryService>(scope).GetAsync(2026, new CatalogueFilter());

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Value.ShouldBeNull();
    }

    [Fact]
    public async Task A_phased_line_of_a_draft_carries_its_phase_names_before_anything_is_planned()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await bureau.CatalogueAsync(2027, CatalogueState.Draft,
            new PlannedItem(bureau.BranchAId, "发展党员工作", Cadence.Phased, Audience.Organization, []),
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, []));
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();

        var items = (await harness.Get<CatalogueQueryService>(scope).GetAsync(2027, new CatalogueFilter())).Value!.Items;

        var phased = items.Single(i => i.Title == "发展党员工作");
        phased.Occurrences.ShouldBeEmpty();
        phased.Phases.ShouldBe(["第一阶段"]);
        items.Single(i => i.Title == "支部党员大会").Phases.ShouldBeEmpty();
    }
}
