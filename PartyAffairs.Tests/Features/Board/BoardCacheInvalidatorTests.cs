using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>The cached board goes when the entities' own transitions say something on it changed, and stays otherwise.</summary>
public sealed class BoardCacheInvalidatorTests
{
    private const string Key = "board-page";

    [Fact]
    public async Task Publishing_closing_withdrawing_and_disclosed_feedback_results_evict_the_board_and_drafting_does_not()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var store = harness.Services.GetRequiredService<IOutputCacheStore>();
        var invalidator = harness.Services.GetServices<IHostedService>().OfType<BoardCacheInvalidator>().Single();
        await invalidator.StartAsync(CancellationToken.None);
        var now = bureau.Now;
        var office = bureau["office"];
        var handler = bureau["handler"];
        var leader = bureau["leader"];

        async Task Cached() => await store.SetAsync(Key, [1], [BoardCachePolicy.Tag], TimeSpan.FromMinutes(5), CancellationToken.None);
        async Task<bool> IsCached() => await store.GetAsync(Key, CancellationToken.None) is not null;
        async Task Evicted(string what)
        {
            await Eventually.TrueAsync(async () => !await IsCached(), TimeSpan.FromSeconds(5), $"{what} evicts the cached board");
            await Cached();
        }

        await Cached();
        var id = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "缓存测试", Audience.Public, DisclosureState.Approved, now);
        (await IsCached()).ShouldBeTrue("a draft, its submission and approval show nowhere on the board");

        await using (var db = harness.NewDb())
        {
            var d = await db.Disclosures.SingleAsync(x => x.Id == id);
            d.Publish(Actor.System, now);
            await db.SaveChangesAsync();
            await Evicted("publish");

            var feedback = Feedback.Offline(d, FeedbackChannel.Letter, "意见", null, null, now, handler, now, null);
            db.Feedback.Add(feedback);
            feedback.Assign(handler, now, handler.UserId, handler.DisplayName, null);
            feedback.AnswerWith(handler, now, "答复", null);
            feedback.ReportTo(handler, now, leader.UserId, leader.DisplayName, "处理结果", null, null);
            await db.SaveChangesAsync();
            (await IsCached()).ShouldBeTrue("a result not yet acknowledged is not shown");
            feedback.Acknowledge(leader, now, null, await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync(),
                harness.Services.GetRequiredService<BureauClock>().Zone);
            await db.SaveChangesAsync();
            await Evicted("acknowledge");
            feedback.Close(handler, now);
            await db.SaveChangesAsync();
            await Evicted("feedback close");

            var spam = Feedback.Offline(d, FeedbackChannel.Letter, "广告", null, null, now, handler, now, null);
            db.Feedback.Add(spam);
            await db.SaveChangesAsync();
            (await IsCached()).ShouldBeTrue("received feedback is not shown");
            spam.MarkAbusive(handler, now, "广告");
            await db.SaveChangesAsync();
            await Evicted("mark abusive");

            d.Close(office, now, "提前结束");
            await db.SaveChangesAsync();
            await Evicted("close");
        }

        var other = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "缓存测试二", Audience.Public, DisclosureState.Published, now);
        await Evicted("publish of a second item");
        await using (var db = harness.NewDb())
        {
            (await db.Disclosures.SingleAsync(x => x.Id == other)).Withdraw(office, now, "撤回");
            await db.SaveChangesAsync();
        }
        await Evicted("withdraw");
        await invalidator.StopAsync(CancellationToken.None);
    }

    public static TheoryData<string, bool> FromElsewhere => new()
    {
        // what another node's listener passes on → whether the board is evicted
        { "a publication", true },
        { "a submission", false },
        { "a reload", true },
    };

    [Theory]
    [MemberData(nameof(FromElsewhere))]
    public async Task What_another_node_committed_evicts_the_board_as_this_nodes_own_would_and_a_reload_always_does(string what, bool evicts)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var store = harness.Services.GetRequiredService<IOutputCacheStore>();
        var invalidator = harness.Services.GetServices<IHostedService>().OfType<BoardCacheInvalidator>().Single();
        await invalidator.StartAsync(CancellationToken.None);
        await store.SetAsync(Key, [1], [BoardCachePolicy.Tag], TimeSpan.FromMinutes(5), CancellationToken.None);
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var change = what switch
        {
            "a publication" => new ChangeEvent(nameof(Disclosure), 1, 1, WorkflowAction.Publish, "Approved", "Published", "office", now, null),
            "a submission" => new ChangeEvent(nameof(Disclosure), 1, 1, WorkflowAction.Submit, "Draft", "Submitted", "drafter", now, null),
            _ => ChangeEvent.AnythingMayHaveChanged(now),
        };

        harness.Services.GetRequiredService<LiveEventStream>().PublishFromElsewhere([change]);

        async Task<bool> Evicted() => await store.GetAsync(Key, CancellationToken.None) is null;
        // A change that does not affect the board is dismissed inside the publishing call, before the handler's first await.
        if (evicts) await Eventually.TrueAsync(Evicted, TimeSpan.FromSeconds(5), $"{what} from another node evicts the board");
        else (await Evicted()).ShouldBeFalse();
        await invalidator.StopAsync(CancellationToken.None);
    }
}
