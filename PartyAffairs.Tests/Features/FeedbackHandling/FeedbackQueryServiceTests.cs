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
    public async Task A_pure_admin_may_not_read_feedback()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        (await harness.Get<FeedbackQueryService>(scope).ListAsync(new FeedbackFilter())).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
