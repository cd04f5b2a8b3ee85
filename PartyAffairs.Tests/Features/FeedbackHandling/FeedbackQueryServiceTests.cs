using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

public sealed class FeedbackQueryServiceTests
{
    private static async Task<IReadOnlyList<FeedbackRow>> RowsFor(ServiceHarness harness, string userName, FeedbackFilter? filter = null)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await harness.Get<FeedbackQueryService>(scope).ListAsync(filter ?? new FeedbackFilter());
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!.Rows;
    }

    /// <summary>On branch A's item: one late, one in time, one closed; on branch B's: one in time.</summary>
    private static async Task SeedAsync(TestBureau bureau)
    {
        var now = bureau.Now;
        var onA = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 经费公开", Audience.Public, DisclosureState.Published, now.AddDays(-10));
        var onB = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B 评优公示", Audience.Public, DisclosureState.Published, now.AddDays(-10));
        await bureau.FeedbackAsync(onA, now.AddDays(-9), stepDueAtUtc: now.AddDays(-1));
        await bureau.FeedbackAsync(onA, now.AddDays(-8), stepDueAtUtc: now.AddDays(3));
        await bureau.FeedbackAsync(onA, now.AddDays(-7), stepDueAtUtc: now.AddDays(-2), closed: true);
        await bureau.FeedbackAsync(onB, now.AddDays(-6), stepDueAtUtc: now.AddDays(3));
    }

    [Fact]
    public async Task A_secretary_sees_only_the_feedback_on_their_branch_while_the_handler_sees_all()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await SeedAsync(bureau);

        var secretary = await RowsFor(harness, "secA");
        secretary.Count.ShouldBe(3);
        secretary.ShouldAllBe(r => r.DisclosureTitle == "A 经费公开" && r.OrganizationName == "第一党支部");
        (await RowsFor(harness, "memberB")).Select(r => r.DisclosureTitle).ShouldBe(["B 评优公示"]);
        (await RowsFor(harness, "handler")).Count.ShouldBe(4);
        (await RowsFor(harness, "leader")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Late_means_not_closed_and_past_the_step_deadline_and_the_filters_narrow()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await SeedAsync(bureau);

        var all = await RowsFor(harness, "office");
        all.Count(r => r.IsLate).ShouldBe(1);
        all.Select(r => r.ReceivedAtUtc).ShouldBeInOrder(SortDirection.Descending);

        var late = (await RowsFor(harness, "office", new FeedbackFilter(LateOnly: true))).ShouldHaveSingleItem();
        late.State.ShouldBe(FeedbackState.Received);
        late.Channel.ShouldBe(FeedbackChannel.Letter);
        (await RowsFor(harness, "office", new FeedbackFilter(State: FeedbackState.Closed))).ShouldHaveSingleItem().IsLate.ShouldBeFalse();
        (await RowsFor(harness, "office", new FeedbackFilter(OrganizationId: bureau.BranchBId))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_list_comes_a_page_at_a_time_with_the_filters_and_the_order_applied_in_the_database()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var now = bureau.Now;
        var onA = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 经费公开", Audience.Public, DisclosureState.Published, now.AddDays(-30));
        var onB = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B 评优公示", Audience.Public, DisclosureState.Published, now.AddDays(-30));
        // Twelve on A (every third past its deadline, every fourth closed), three on B; two pairs share a received time.
        for (var i = 0; i < 12; i++)
            await bureau.FeedbackAsync(onA, now.AddDays(-20).AddHours(i / 2 * 3 + i % 2 * (i < 4 ? 0 : 1)),
                stepDueAtUtc: i % 3 == 0 ? now.AddDays(-1) : now.AddDays(5), closed: i % 4 == 0);
        for (var i = 0; i < 3; i++) await bureau.FeedbackAsync(onB, now.AddDays(-10).AddHours(i), stepDueAtUtc: now.AddDays(5));

        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = harness.Get<FeedbackQueryService>(scope);
        async Task<FeedbackListView> Page(FeedbackFilter filter) => (await service.ListAsync(filter)).Value!;

        var whole = await Page(new FeedbackFilter(PageSize: FeedbackQueryService.MaxPageSize));
        whole.Total.ShouldBe(15);
        var first = await Page(new FeedbackFilter(Page: 0, PageSize: 4));
        var second = await Page(new FeedbackFilter(Page: 1, PageSize: 4));
        first.Rows.Count.ShouldBe(4);
        first.Total.ShouldBe(15);
        second.Total.ShouldBe(15);
        first.Rows.Concat(second.Rows).Select(r => r.Id).ShouldBe(whole.Rows.Take(8).Select(r => r.Id));
        (await Page(new FeedbackFilter(Page: 3, PageSize: 4))).Rows.Count.ShouldBe(3);

        // The same rules the list always used: late = open and past the step deadline; open = not closed; the organization's own.
        var late = await Page(new FeedbackFilter(LateOnly: true, PageSize: 2));
        late.Total.ShouldBe(whole.Rows.Count(r => r.IsLate));
        late.Rows.Count.ShouldBe(2);
        late.Rows.ShouldAllBe(r => r.IsLate);
        (await Page(new FeedbackFilter(OpenOnly: true, PageSize: 100))).Total.ShouldBe(whole.Rows.Count(r => r.State != FeedbackState.Closed));
        var onBranchB = await Page(new FeedbackFilter(OrganizationId: bureau.BranchBId, PageSize: 2));
        onBranchB.Total.ShouldBe(3);
        onBranchB.Rows.ShouldAllBe(r => r.DisclosureTitle == "B 评优公示");

        var oldestFirst = await Page(new FeedbackFilter(SortBy: nameof(FeedbackRow.ReceivedAtUtc), PageSize: 100));
        oldestFirst.Rows.Select(r => r.ReceivedAtUtc).ShouldBeInOrder(SortDirection.Ascending);
        var byOrganization = await Page(new FeedbackFilter(SortBy: nameof(FeedbackRow.OrganizationName), Descending: true, PageSize: 3));
        byOrganization.Rows.ShouldAllBe(r => r.OrganizationName == "第二党支部");
    }

    [Fact]
    public async Task A_page_never_holds_more_than_the_service_allows()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var onA = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 经费公开", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-30));
        for (var i = 0; i < FeedbackQueryService.MaxPageSize + 3; i++)
            await bureau.FeedbackAsync(onA, bureau.Now.AddDays(-20).AddMinutes(i), stepDueAtUtc: bureau.Now.AddDays(5));

        var rows = await RowsFor(harness, "office", new FeedbackFilter(PageSize: 10_000));

        rows.Count.ShouldBe(FeedbackQueryService.MaxPageSize);
    }

    [Fact]
    public async Task A_pure_admin_may_not_read_feedback()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        (await harness.Get<FeedbackQueryService>(scope).ListAsync(new FeedbackFilter())).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
