using Microsoft.EntityFrameworkCore;
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

    /// <summary>Eleven lines over the bureau's three organizations, some overdue, some not.</summary>
    private static async Task<(TestBureau Bureau, int CatalogueId)> ManyLinesAsync(ServiceHarness harness)
    {
        var bureau = await TestBureau.CreateAsync(harness);
        var organizations = new[] { bureau.CommitteeId, bureau.BranchAId, bureau.BranchBId };
        var items = Enumerable.Range(1, 11).Select(n => new PlannedItem(organizations[n % 3], $"事项{n:00}", n % 2 == 0 ? Cadence.Yearly : Cadence.Quarterly,
            n % 4 == 0 ? Audience.Public : Audience.Organization, Enumerable.Range(0, n % 3).Select(k => D(2026, 3 + k, 10)).ToList())).ToArray();
        await bureau.CatalogueAsync(2026, CatalogueState.InForce, items);
        await using var db = harness.NewDb();
        return (bureau, await db.Catalogues.Where(c => c.Year == 2026).Select(c => c.Id).SingleAsync());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(nameof(CatalogueItemRow.OrganizationName), true)]
    [InlineData(nameof(CatalogueItemRow.Title), false)]
    [InlineData(nameof(CatalogueItemRow.Cadence), true)]
    [InlineData(nameof(CatalogueItemRow.OverdueCount), false)]
    public async Task Pages_hold_every_line_exactly_once_in_the_order_asked_with_the_total_counted(string? sortBy, bool descending)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, catalogueId) = await ManyLinesAsync(harness);
        await harness.SignInAsync("memberA");
        await using var scope = harness.NewScope();
        var service = harness.Get<CatalogueQueryService>(scope);

        var seen = new List<CatalogueItemRow>();
        for (var page = 0; page < 5; page++)
        {
            var result = await service.ItemsAsync(catalogueId, new CatalogueFilter(Page: page, PageSize: 3, SortBy: sortBy, Descending: descending));
            result.Succeeded.ShouldBeTrue(result.Message);
            result.Value!.Total.ShouldBe(11);
            result.Value.Rows.Count.ShouldBe(page < 3 ? 3 : page == 3 ? 2 : 0);
            seen.AddRange(result.Value.Rows);
        }

        seen.Select(r => r.Title).Order().ShouldBe(Enumerable.Range(1, 11).Select(n => $"事项{n:00}"));
        if (sortBy == nameof(CatalogueItemRow.Title)) seen.Select(r => r.Title).ShouldBeInOrder();
        if (sortBy == nameof(CatalogueItemRow.OverdueCount)) seen.Select(r => r.OverdueCount).ShouldBeInOrder();
        if (sortBy == nameof(CatalogueItemRow.Cadence)) seen.Select(r => r.Cadence).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task The_filters_narrow_the_count_and_the_pages_in_sql()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (bureau, catalogueId) = await ManyLinesAsync(harness);
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = harness.Get<CatalogueQueryService>(scope);

        var branchA = (await service.ItemsAsync(catalogueId, new CatalogueFilter(OrganizationId: bureau.BranchAId, PageSize: 100))).Value!;
        branchA.Total.ShouldBe(4);
        branchA.Rows.ShouldAllBe(r => r.OrganizationId == bureau.BranchAId);
        var publicYearly = (await service.ItemsAsync(catalogueId, new CatalogueFilter(Cadence: Cadence.Yearly, Audience: Audience.Public))).Value!;
        publicYearly.Rows.Select(r => r.Title).ShouldBe(["事项04", "事项08"], ignoreOrder: true);
        publicYearly.Total.ShouldBe(2);
    }

    [Fact]
    public async Task Choosing_a_line_for_an_amendment_searches_within_the_persons_organizations_and_returns_at_most_the_number_asked()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (bureau, catalogueId) = await ManyLinesAsync(harness);
        await harness.SignInAsync("secA");
        await using var scope = harness.NewScope();
        var service = harness.Get<CatalogueQueryService>(scope);

        var own = (await service.FindItemsAsync(catalogueId, null, OrganizationScope.Of([bureau.BranchAId]), 20)).Value!;
        own.Select(i => i.Title).ShouldBe(["事项01", "事项04", "事项07", "事项10"], ignoreOrder: true);
        (await service.FindItemsAsync(catalogueId, "事项0", OrganizationScope.Of([bureau.BranchAId]), 20)).Value!.Select(i => i.Title)
            .ShouldBe(["事项01", "事项04", "事项07"], ignoreOrder: true);
        (await service.FindItemsAsync(catalogueId, null, OrganizationScope.All, 5)).Value!.Count.ShouldBe(5);
        (await service.FindItemsAsync(catalogueId, null, OrganizationScope.None, 5)).Value!.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_header_says_what_the_person_may_propose_for()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (bureau, _) = await ManyLinesAsync(harness);

        async Task<OrganizationScope> ProposableAsync(string userName)
        {
            await harness.SignInAsync(userName);
            await using var scope = harness.NewScope();
            return (await harness.Get<CatalogueQueryService>(scope).GetAsync(2026, new CatalogueFilter())).Value!.Proposable;
        }

        (await ProposableAsync("office")).Only.ShouldBeNull();
        (await ProposableAsync("drafterA")).Only.ShouldBe([bureau.BranchAId]);
        (await ProposableAsync("memberA")).IsEmpty.ShouldBeTrue();
    }
}
