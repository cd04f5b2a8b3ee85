using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>我的反馈: only what she gave under her own name, paged, with the reply to her; never anyone else's.</summary>
public sealed class MyFeedbackServiceTests
{
    private static async Task<Result<MyFeedbackList>> MineAsync(ServiceHarness harness, string? user, MyFeedbackQuery query)
    {
        if (user is null) harness.Auth.SignOut();
        else await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await harness.Get<MyFeedbackService>(scope).ListAsync(query);
    }

    private static async Task<int> GiveAsync(ServiceHarness harness, string? user, int itemId, string content, bool anonymous) =>
        (await MailboxAndTrackingTests.As(harness, user, s => s.SubmitTrackedAsync(new FeedbackSubmission(itemId, content, anonymous, "署名", null)))).Value!.Id;

    [Fact]
    public async Task She_sees_only_her_own_named_feedback_never_anyone_elses_nor_her_anonymous_one()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var item = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "经费", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-1));
        var mine = await GiveAsync(harness, "memberA", item, "请公开明细", anonymous: false);
        var mailbox = (await MailboxAndTrackingTests.As(harness, "memberA", s => s.SubmitToMailboxAsync(FeedbackKind.Undisclosed,
            new FeedbackSubmission(0, "会议记录没有公开", false, null, null)))).Value!.Id;
        var anonymousOfHers = await GiveAsync(harness, "memberA", item, "匿名的意见", anonymous: true);
        var someoneElses = await GiveAsync(harness, "memberB", item, "别人的意见", anonymous: false);
        var visitors = await GiveAsync(harness, null, item, "访客的意见", anonymous: false);

        var list = (await MineAsync(harness, "memberA", new MyFeedbackQuery())).Value!;

        list.Total.ShouldBe(2);
        list.Rows.Select(r => r.Id).ShouldBe([mailbox, mine]);
        list.Rows[0].Kind.ShouldBe(FeedbackKind.Undisclosed);
        list.Rows[0].ItemTitle.ShouldBeNull();
        list.Rows[1].ItemTitle.ShouldBe("经费");
        list.Rows[1].Steps.ShouldHaveSingleItem().Action.ShouldBe(WorkflowAction.Receive);
        list.Rows.ShouldNotContain(r => r.Id == anonymousOfHers || r.Id == someoneElses || r.Id == visitors);

        var others = (await MineAsync(harness, "memberB", new MyFeedbackQuery())).Value!;
        others.Rows.Select(r => r.Id).ShouldBe([someoneElses]);
        // Those who handle all feedback still see only their own here.
        (await MineAsync(harness, "office", new MyFeedbackQuery())).Value!.Total.ShouldBe(0);
        (await MineAsync(harness, "handler", new MyFeedbackQuery())).Value!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_refused()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);

        (await MineAsync(harness, null, new MyFeedbackQuery())).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task It_pages_on_the_server_filters_open_ones_and_shows_the_reply_to_her()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var item = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "经费", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-1));
        var first = await GiveAsync(harness, "memberA", item, "第一条", anonymous: false);
        var second = await GiveAsync(harness, "memberA", item, "第二条", anonymous: false);
        var third = await GiveAsync(harness, "memberA", item, "第三条", anonymous: false);
        await harness.SignInAsync("handler");
        await using (var scope = harness.NewScope())
        {
            var handling = harness.Get<FeedbackHandlingService>(scope);
            (await handling.AssignAsync(new AssignFeedbackRequest(first, 1, bureau["handler"].UserId))).Succeeded.ShouldBeTrue();
            (await handling.ReplyToSenderAsync(new FeedbackReplyRequest(first, 2, "已转交支部办理。"))).Succeeded.ShouldBeTrue();
            (await handling.MarkAbusiveAsync(new FeedbackReasonRequest(third, 1, "广告"))).Succeeded.ShouldBeTrue();
        }

        var page0 = (await MineAsync(harness, "memberA", new MyFeedbackQuery(PageSize: 2))).Value!;
        var page1 = (await MineAsync(harness, "memberA", new MyFeedbackQuery(Page: 1, PageSize: 2))).Value!;

        page0.Total.ShouldBe(3);
        page0.Rows.Select(r => r.Id).ShouldBe([third, second]);
        page1.Rows.Select(r => r.Id).ShouldBe([first]);
        page1.Rows[0].Reply.ShouldBe("已转交支部办理。");
        page1.Rows[0].RepliedAtUtc.ShouldNotBeNull();
        page1.Rows[0].Steps.Select(s => s.Action).ShouldBe([WorkflowAction.Receive, WorkflowAction.Assign]);
        page1.Rows[0].Result.ShouldBeNull();
        var open = (await MineAsync(harness, "memberA", new MyFeedbackQuery(OpenOnly: true))).Value!;
        open.Rows.Select(r => r.Id).ShouldBe([second, first]);
    }
}
