using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.MyWork;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.MyWork;

public sealed class MyWorkServiceTests
{
    [Fact]
    public async Task A_drafter_sees_their_own_drafts_and_returned_items_and_their_branchs_due_occurrences()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        // Today in the bureau is 26 November 2026; the page looks 14 days ahead.
        var occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "党费收缴", Cadence.Monthly, Audience.AllMembers,
                [new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 30)]),
            new PlannedItem(bureau.BranchBId, "发展党员", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 12, 1)]));
        var fee = occurrences["党费收缴"];
        var draft = await bureau.ForOccurrenceAsync(fee[3], "我的草稿", DisclosureState.Draft, bureau.Now, author: "drafterA");
        var returned = await bureau.ForOccurrenceAsync(fee[4], "被退回的", DisclosureState.Rejected, bureau.Now, author: "drafterA");
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "书记的草稿", Audience.AllMembers, DisclosureState.Draft, bureau.Now, author: "secA");
        await harness.SignInAsync("drafterA");
        await using var scope = harness.NewScope();

        var result = await scope.ServiceProvider.GetRequiredService<MyWorkService>().GetAsync();

        result.Succeeded.ShouldBeTrue(result.Message);
        var view = result.Value!;
        view.Drafts.Select(d => d.Id).ShouldBe([draft]);
        view.Returned.Select(d => (d.Id, d.ReviewComment)).ShouldBe([(returned, "请补充内容")]);
        view.Due.Select(o => (o.Id, o.Overdue)).ShouldBe([(fee[0], true), (fee[1], false)]);
    }

    [Fact]
    public async Task A_member_is_refused()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("memberA");
        await using var scope = harness.NewScope();

        (await scope.ServiceProvider.GetRequiredService<MyWorkService>().GetAsync()).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
