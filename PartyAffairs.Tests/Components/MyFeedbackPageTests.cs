using Bunit;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>我的反馈 as she reads it: her named feedback in a 我的意见 section, the reply to her, the note on anonymous feedback.</summary>
public sealed class MyFeedbackPageTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<int> SubmitAsync(string user, FeedbackKind kind, string content, bool anonymous)
    {
        await harness.Backend.SignInAsync(user);
        await using var scope = harness.Backend.NewScope();
        return (await harness.Backend.Get<FeedbackSubmissionService>(scope)
            .SubmitToMailboxAsync(kind, new FeedbackSubmission(0, content, anonymous, null, null))).Value!.Id;
    }

    [Fact]
    public async Task She_sees_her_named_mailbox_feedback_with_its_state_steps_and_the_reply_but_not_her_anonymous_one()
    {
        harness.UseCulture("zh-CN");
        var named = await SubmitAsync("memberA", FeedbackKind.Undisclosed, "支部会议记录没有公开", anonymous: false);
        await SubmitAsync("memberA", FeedbackKind.Other, "匿名提的意见", anonymous: true);
        await SubmitAsync("memberB", FeedbackKind.Suggestion, "别人的意见", anonymous: false);
        await harness.Backend.SignInAsync("handler");
        await using (var scope = harness.Backend.NewScope())
        {
            var handling = harness.Backend.Get<FeedbackHandlingService>(scope);
            (await handling.AssignAsync(new AssignFeedbackRequest(named, 1, bureau["handler"].UserId))).Succeeded.ShouldBeTrue();
            (await handling.ReplyToSenderAsync(new FeedbackReplyRequest(named, 2, "已要求支部补充公开。"))).Succeeded.ShouldBeTrue();
        }
        var member = bureau["memberA"];
        await harness.Backend.SignInAsync("memberA");
        harness.SignInAs(member.DisplayName, member.OrganizationId, [.. member.Roles], member.UserId);

        var cut = harness.Context.Render<MyFeedbackPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=my-feedback-state]").Count.ShouldBe(1), TimeSpan.FromSeconds(10));
        cut.Find("h1").TextContent.ShouldBe("我的反馈");
        cut.Find("#my-feedback-heading").TextContent.ShouldBe("我的意见");
        cut.Find("[data-testid=my-feedback-anonymous-note]").TextContent.ShouldContain("匿名提交的意见");
        var grid = cut.Find("[data-testid=my-feedback-grid]").TextContent;
        grid.ShouldContain("意见箱 · 应公开未公开");
        grid.ShouldContain("已分派");
        cut.Find("[data-testid=my-feedback-state]").TextContent.ShouldBe("已分派");
        cut.Find("[data-testid=my-feedback-reply]").TextContent.ShouldBe("已要求支部补充公开。");
        grid.ShouldNotContain("匿名提的意见");
        grid.ShouldNotContain("其他");
        grid.ShouldNotContain("意见建议");
    }
}
