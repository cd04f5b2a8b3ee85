using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>The mailbox (意见箱), the 查询码 and /track's service: submit with and without an item, follow, reply, notify.</summary>
public sealed class MailboxAndTrackingTests
{
    internal static async Task<T> As<T>(ServiceHarness harness, string? user, Func<FeedbackSubmissionService, Task<T>> call)
    {
        if (user is null) harness.Auth.SignOut();
        else await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await call(harness.Get<FeedbackSubmissionService>(scope));
    }

    private static async Task<Result> Handle(ServiceHarness harness, string user, Func<FeedbackHandlingService, Task<Result>> step)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await step(harness.Get<FeedbackHandlingService>(scope));
    }

    [Fact]
    public async Task Mailbox_and_item_feedback_both_get_a_code_that_finds_them_and_only_the_hash_is_stored()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var item = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "经费", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-1));

        var mailbox = await As(harness, null, s => s.SubmitToMailboxAsync(FeedbackKind.Undisclosed,
            new FeedbackSubmission(0, "应公开的会议记录没有公开", true, "张三", "138")));
        var onItem = await As(harness, null, s => s.SubmitTrackedAsync(new FeedbackSubmission(item, "请公开明细", false, "李四", null)));
        mailbox.Succeeded.ShouldBeTrue();
        onItem.Succeeded.ShouldBeTrue();
        mailbox.Value!.TrackingCode.Length.ShouldBeGreaterThanOrEqualTo(10);
        mailbox.Value.TrackingCode.ShouldNotBe(onItem.Value!.TrackingCode);

        await using (var db = harness.NewDb())
        {
            var stored = await db.Feedback.AsNoTracking().SingleAsync(f => f.Id == mailbox.Value.Id);
            stored.DisclosureId.ShouldBeNull();
            stored.Kind.ShouldBe(FeedbackKind.Undisclosed);
            stored.OrganizationId.ShouldBe(bureau.CommitteeId);
            stored.SenderName.ShouldBeNull();
            stored.SubmittedById.ShouldBeNull();
            stored.TrackingCodeHash.ShouldBe(TrackingCode.Hash(mailbox.Value.TrackingCode));
            (await db.Feedback.AsNoTracking().AnyAsync(f => f.TrackingCodeHash == mailbox.Value.TrackingCode)).ShouldBeFalse();
        }

        var tracked = await As(harness, null, s => s.TrackAsync(TrackingCode.Display(mailbox.Value.TrackingCode).ToLowerInvariant()));
        tracked.Succeeded.ShouldBeTrue();
        tracked.Value!.State.ShouldBe(FeedbackState.Received);
        tracked.Value.Kind.ShouldBe(FeedbackKind.Undisclosed);
        tracked.Value.Steps.ShouldHaveSingleItem().Action.ShouldBe(WorkflowAction.Receive);
        (await As(harness, null, s => s.TrackAsync(onItem.Value.TrackingCode))).Value!.ItemTitle.ShouldBe("经费");
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEFGHJKMN")]
    [InlineData("0OIL1")]
    [InlineData("' OR 1=1 --")]
    [InlineData("ABCDEFGHJKMNPQRSTUVWXYZABCDEFGHJKMNPQRSTUVWXYZ")]
    public async Task Every_wrong_code_is_not_found_alike(string code)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await As(harness, null, s => s.SubmitToMailboxAsync(FeedbackKind.Other, new FeedbackSubmission(0, "意见", true, null, null)));
        var result = await As(harness, null, s => s.TrackAsync(code));
        result.Status.ShouldBe(ResultStatus.NotFound);
        result.Value.ShouldBeNull();
    }

    [Fact]
    public async Task The_handlers_take_mailbox_feedback_through_the_loop_and_the_reply_shows_only_by_code()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var receipt = (await As(harness, null, s => s.SubmitToMailboxAsync(FeedbackKind.Suggestion,
            new FeedbackSubmission(0, "建议公开栏增加检索", true, null, null)))).Value!;
        var id = receipt.Id;

        (await Handle(harness, "secA", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["handler"].UserId)))).Status
            .ShouldBe(ResultStatus.NotFound);
        (await Handle(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["handler"].UserId)))).Succeeded.ShouldBeTrue();
        (await Handle(harness, "handler", s => s.AnswerAsync(new AnswerFeedbackRequest(id, 2, "内部答复")))).Succeeded.ShouldBeTrue();
        (await Handle(harness, "office", s => s.ReplyToSenderAsync(new FeedbackReplyRequest(id, 3, "已采纳，下月上线。")))).Succeeded.ShouldBeTrue();
        (await Handle(harness, "handler", s => s.ReplyToSenderAsync(new FeedbackReplyRequest(id, 4, " ")))).Status.ShouldBe(ResultStatus.Invalid);

        var tracked = (await As(harness, null, s => s.TrackAsync(receipt.TrackingCode))).Value!;
        tracked.State.ShouldBe(FeedbackState.Answered);
        tracked.Reply.ShouldBe("已采纳，下月上线。");
        tracked.Result.ShouldBeNull();
        tracked.Steps.Select(s => s.Action).ShouldBe([WorkflowAction.Receive, WorkflowAction.Assign, WorkflowAction.Answer]);

        await harness.SignInAsync("handler");
        await using var scope = harness.NewScope();
        var detail = (await harness.Get<FeedbackQueryService>(scope).GetAsync(id)).Value!;
        detail.Kind.ShouldBe(FeedbackKind.Suggestion);
        detail.DisclosureId.ShouldBeNull();
        detail.Can.StartRedisclosure.ShouldBeFalse();
        var list = (await harness.Get<FeedbackQueryService>(scope).ListAsync(new FeedbackFilter())).Value!;
        list.Rows.ShouldContain(r => r.Id == id && r.Kind == FeedbackKind.Suggestion && r.DisclosureId == null);
    }

    [Fact]
    public async Task Handlers_and_the_Office_are_notified_when_feedback_arrives_without_naming_the_sender()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        var id = (await As(harness, null, s => s.SubmitToMailboxAsync(FeedbackKind.Other,
            new FeedbackSubmission(0, "其他问题", false, "王五", "139")))).Value!.Id;
        List<ChangeEvent> events;
        await using (var db = harness.NewDb())
        {
            events = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Feedback) && a.EntityId == id).ToListAsync())
                .Select(ChangeEvent.From).ToList();
        }

        await harness.Services.GetRequiredService<NotificationWriter>().HandleAsync(events);

        await using var read = harness.NewDb();
        var written = await (from n in read.Notifications join u in read.Users on n.UserId equals u.Id select new { u.UserName, n.Title, n.Body, n.Link })
            .ToListAsync();
        written.ShouldContain(n => n.UserName == "handler" && n.Title == "收到新的意见反馈：意见箱" && n.Link == $"/feedback/{id}");
        written.ShouldContain(n => n.UserName == "office");
        written.ShouldNotContain(n => n.Title.Contains("王五") || n.Body.Contains("王五"));
    }
}
