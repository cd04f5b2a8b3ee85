using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>Every step of feedback handled, who may take it, its deadlines on the working calendar, abuse and re-disclosure.</summary>
public sealed class FeedbackHandlingServiceTests
{
    // ServiceHarness.DefaultNow is Thursday 2026-11-26, 10:00 in Beijing.
    private static DateTime EndOfBeijingDay(int month, int day) => new DateTime(2026, month, day, 16, 0, 0, DateTimeKind.Utc).AddTicks(-TimeSpan.TicksPerMicrosecond);

    private sealed record Setup(ServiceHarness Harness, TestBureau Bureau, int DisclosureId, int FeedbackId);

    private static async Task<Setup> SetupAsync(Audience audience = Audience.Public)
    {
        var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var disclosure = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 经费公开", audience, DisclosureState.Published, bureau.Now.AddDays(-1));
        var feedback = await bureau.FeedbackAsync(disclosure, bureau.Now, stepDueAtUtc: null);
        return new Setup(harness, bureau, disclosure, feedback);
    }

    private static async Task<T> As<T>(ServiceHarness harness, string user, Func<FeedbackHandlingService, Task<T>> step)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await step(harness.Get<FeedbackHandlingService>(scope));
    }

    private static async Task<Feedback> StoredAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        return await db.Feedback.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    private static async Task<int> VersionAsync(ServiceHarness harness, int id) => (await StoredAsync(harness, id)).Version;

    [Fact]
    public async Task Feedback_goes_through_every_step_with_the_deadline_of_the_step_it_enters()
    {
        var (harness, bureau, _, id) = await SetupAsync();
        await using var _h = harness;

        (await As(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["secA"].UserId)))).Succeeded.ShouldBeTrue();
        var assigned = await StoredAsync(harness, id);
        assigned.State.ShouldBe(FeedbackState.Assigned);
        assigned.AssigneeName.ShouldBe("secA");
        assigned.StepDueAtUtc.ShouldBe(EndOfBeijingDay(12, 3)); // 5 working days: Fri, Mon, Tue, Wed, Thu

        (await As(harness, "secA", s => s.AnswerAsync(new AnswerFeedbackRequest(id, assigned.Version, "已补充明细。")))).Succeeded.ShouldBeTrue();
        var answered = await StoredAsync(harness, id);
        answered.State.ShouldBe(FeedbackState.Answered);
        answered.StepDueAtUtc.ShouldBe(EndOfBeijingDay(11, 30)); // 2 working days across the weekend

        var report = new ReportFeedbackRequest(id, answered.Version, bureau["leader"].UserId, "已在公开栏补充经费明细。", "有群众建议公开经费明细。");
        (await As(harness, "handler", s => s.ReportAsync(report))).Succeeded.ShouldBeTrue();
        var reported = await StoredAsync(harness, id);
        reported.State.ShouldBe(FeedbackState.Reported);
        reported.ReportedToId.ShouldBe(bureau["leader"].UserId);
        reported.ResultIsPublic.ShouldBeFalse();

        (await As(harness, "leader", s => s.AcknowledgeAsync(new FeedbackNoteRequest(id, reported.Version, "同意")))).Succeeded.ShouldBeTrue();
        var disclosed = await StoredAsync(harness, id);
        disclosed.State.ShouldBe(FeedbackState.ResultDisclosed);
        disclosed.ResultIsPublic.ShouldBeTrue();

        (await As(harness, "handler", s => s.CloseAsync(new FeedbackNoteRequest(id, disclosed.Version, null)))).Succeeded.ShouldBeTrue();
        var closed = await StoredAsync(harness, id);
        closed.State.ShouldBe(FeedbackState.Closed);
        closed.StepDueAtUtc.ShouldBeNull();

        await harness.SignInAsync("handler");
        await using var scope = harness.NewScope();
        var detail = (await harness.Get<FeedbackQueryService>(scope).GetAsync(id)).Value!;
        detail.Trail.Select(t => t.Action).ShouldBe([WorkflowAction.Receive, WorkflowAction.Assign, WorkflowAction.Answer, WorkflowAction.Report, WorkflowAction.Acknowledge, WorkflowAction.Close]);
    }

    [Fact]
    public async Task A_holiday_pushes_the_deadline_to_the_next_working_days()
    {
        var (harness, bureau, disclosure, _) = await SetupAsync();
        await using var _h = harness;
        await using (var db = harness.NewDb())
        {
            db.CalendarDays.Add(new CalendarDay(new DateOnly(2026, 11, 27), CalendarDayKind.Holiday, "测试假日"));
            await db.SaveChangesAsync();
        }
        harness.Services.GetService(typeof(WorkingDayService)).ShouldBeOfType<WorkingDayService>().Invalidate();

        var registered = await As(harness, "handler", s => s.RegisterOfflineAsync(
            new OfflineFeedbackRequest(disclosure, FeedbackChannel.Phone, new DateOnly(2026, 11, 25), "来电反映经费问题。", "李四", "139")));

        registered.Succeeded.ShouldBeTrue(registered.Message);
        var stored = await StoredAsync(harness, registered.Value);
        stored.StepDueAtUtc.ShouldBe(EndOfBeijingDay(12, 1)); // Friday is off: Monday, Tuesday
        stored.ReceivedAtUtc.ShouldBe(new DateTime(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc));
        stored.Channel.ShouldBe(FeedbackChannel.Phone);
        stored.RegisteredById.ShouldBe(bureau["handler"].UserId);
    }

    [Fact]
    public async Task Offline_registration_refuses_a_future_date_an_online_channel_and_an_unpublished_item()
    {
        var (harness, bureau, disclosure, _) = await SetupAsync();
        await using var _h = harness;
        var draft = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "草稿", Audience.Public, DisclosureState.Draft, bureau.Now);

        (await As(harness, "office", s => s.RegisterOfflineAsync(new OfflineFeedbackRequest(disclosure, FeedbackChannel.Letter,
            new DateOnly(2026, 11, 27), "明天的信", null, null)))).Message.ShouldBe("收到日期不能晚于今天。");
        (await As(harness, "office", s => s.RegisterOfflineAsync(new OfflineFeedbackRequest(disclosure, FeedbackChannel.Online,
            new DateOnly(2026, 11, 26), "网上的", null, null)))).Status.ShouldBe(ResultStatus.Invalid);
        (await As(harness, "office", s => s.RegisterOfflineAsync(new OfflineFeedbackRequest(draft, FeedbackChannel.Letter,
            new DateOnly(2026, 11, 26), "草稿的意见", null, null)))).Status.ShouldBe(ResultStatus.Invalid);
        (await As(harness, "memberA", s => s.RegisterOfflineAsync(new OfflineFeedbackRequest(disclosure, FeedbackChannel.Letter,
            new DateOnly(2026, 11, 26), "党员登记", null, null)))).Status.ShouldBe(ResultStatus.Forbidden);
        await using var db = harness.NewDb();
        (await db.Feedback.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Only_those_who_handle_feedback_of_the_organization_may_assign_and_others_do_not_find_it()
    {
        var (harness, bureau, _, id) = await SetupAsync();
        await using var _h = harness;
        var request = new AssignFeedbackRequest(id, 1, bureau["handler"].UserId);

        (await As(harness, "memberA", s => s.AssignAsync(request))).Status.ShouldBe(ResultStatus.NotFound);
        (await As(harness, "secB", s => s.AssignAsync(request))).Status.ShouldBe(ResultStatus.NotFound);
        (await As(harness, "leader", s => s.AssignAsync(request))).Status.ShouldBe(ResultStatus.NotFound);
        (await As(harness, "handler", s => s.AssignAsync(request with { FeedbackId = 987654 }))).Status.ShouldBe(ResultStatus.NotFound);
        (await As(harness, "handler", s => s.AssignAsync(request with { AssigneeId = bureau["memberA"].UserId })))
            .Message.ShouldBe("所选人员无权办理该意见，请从列表中选择。");
        (await As(harness, "handler", s => s.AssignAsync(request with { AssigneeId = bureau["secB"].UserId }))).Status.ShouldBe(ResultStatus.Invalid);
        (await StoredAsync(harness, id)).State.ShouldBe(FeedbackState.Received);

        (await As(harness, "secA", s => s.AssignAsync(request))).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var (harness, bureau, _, id) = await SetupAsync();
        await using var _h = harness;
        var request = new AssignFeedbackRequest(id, 1, bureau["handler"].UserId);
        (await As(harness, "handler", s => s.AssignAsync(request))).Succeeded.ShouldBeTrue();

        var again = await As(harness, "office", s => s.AssignAsync(request with { AssigneeId = bureau["office"].UserId }));

        again.Status.ShouldBe(ResultStatus.Conflict);
        (await StoredAsync(harness, id)).AssigneeId.ShouldBe(bureau["handler"].UserId);
    }

    [Fact]
    public async Task A_deputy_leader_who_holds_only_the_Office_role_is_a_leader_receives_a_report_and_acknowledges_it()
    {
        var (harness, bureau, _, id) = await SetupAsync();
        await using var _h = harness;
        var deputy = await harness.CreateUserAsync("deputy", bureau.CommitteeId, Roles.Office);
        var former = await harness.CreateUserAsync("former", bureau.CommitteeId, Roles.Member);
        var office = new Actor(bureau["office"].UserId, "office", null, new HashSet<string> { Roles.Office });
        await using (var db = harness.NewDb())
        {
            var today = new DateOnly(2026, 11, 26);
            db.LeadingGroupMembers.Add(LeadingGroupMember.Create("李淑芬", "机关党委副书记", LeadingGroupPosition.DeputyLeader, deputy, 0,
                today.AddYears(-1), office, bureau.Now));
            var ended = LeadingGroupMember.Create("前成员", "机关党委委员", LeadingGroupPosition.Member, former, 1, today.AddYears(-2), office, bureau.Now);
            ended.End(today.AddDays(-1), office, bureau.Now);
            db.LeadingGroupMembers.Add(ended);
            await db.SaveChangesAsync();

            var leaders = await FeedbackAccess.LeadersAsync(db, today, CancellationToken.None);
            leaders.Select(l => l.Id).ShouldContain(deputy);
            leaders.Select(l => l.Id).ShouldContain(bureau["leader"].UserId);
            leaders.Select(l => l.Id).ShouldNotContain(former);
        }
        await As(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["handler"].UserId)));
        await As(harness, "handler", s => s.AnswerAsync(new AnswerFeedbackRequest(id, 2, "答复")));
        (await As(harness, "handler", s => s.ReportAsync(new ReportFeedbackRequest(id, 3, former, "结果", null)))).Succeeded.ShouldBeFalse();
        (await As(harness, "handler", s => s.ReportAsync(new ReportFeedbackRequest(id, 3, deputy, "结果", null)))).Succeeded.ShouldBeTrue();
        (await StoredAsync(harness, id)).ReportedToId.ShouldBe(deputy);

        (await As(harness, "deputy", s => s.AcknowledgeAsync(new FeedbackNoteRequest(id, 4, "同意")))).Succeeded.ShouldBeTrue();
        (await StoredAsync(harness, id)).State.ShouldBe(FeedbackState.ResultDisclosed);
    }

    [Fact]
    public async Task Only_the_leader_it_was_reported_to_acknowledges()
    {
        var (harness, bureau, _, id) = await SetupAsync();
        await using var _h = harness;
        await harness.CreateUserAsync("leader2", bureau.CommitteeId, Roles.Leader);
        await As(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["handler"].UserId)));
        await As(harness, "handler", s => s.AnswerAsync(new AnswerFeedbackRequest(id, 2, "答复")));
        (await As(harness, "handler", s => s.ReportAsync(new ReportFeedbackRequest(id, 3, bureau["memberA"].UserId, "结果", null))))
            .Message.ShouldBe("所选人员不是领导小组成员，请从列表中选择主管领导。");
        (await As(harness, "handler", s => s.ReportAsync(new ReportFeedbackRequest(id, 3, bureau["leader"].UserId, "结果", null)))).Succeeded.ShouldBeTrue();

        (await As(harness, "leader2", s => s.AcknowledgeAsync(new FeedbackNoteRequest(id, 4, null)))).Status.ShouldBe(ResultStatus.NotFound);
        (await As(harness, "handler", s => s.AcknowledgeAsync(new FeedbackNoteRequest(id, 4, null)))).Status.ShouldBe(ResultStatus.Forbidden);
        (await StoredAsync(harness, id)).State.ShouldBe(FeedbackState.Reported);
        (await As(harness, "leader", s => s.AcknowledgeAsync(new FeedbackNoteRequest(id, 4, null)))).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Marking_feedback_abusive_closes_it_and_keeps_its_result_from_ever_showing()
    {
        var (harness, _, _, id) = await SetupAsync();
        await using var _h = harness;

        (await As(harness, "handler", s => s.MarkAbusiveAsync(new FeedbackReasonRequest(id, 1, " ")))).Status.ShouldBe(ResultStatus.Invalid);
        (await As(harness, "handler", s => s.MarkAbusiveAsync(new FeedbackReasonRequest(id, 1, "广告信息")))).Succeeded.ShouldBeTrue();

        var stored = await StoredAsync(harness, id);
        stored.IsAbusive.ShouldBeTrue();
        stored.State.ShouldBe(FeedbackState.Closed);
        stored.ResultIsPublic.ShouldBeFalse();
        await harness.SignInAsync("handler");
        await using var scope = harness.NewScope();
        (await harness.Get<FeedbackQueryService>(scope).GetAsync(id)).Value!.Can.Any.ShouldBeFalse();
    }

    [Fact]
    public async Task Answered_feedback_starts_one_re_disclosure_of_its_item_linked_to_it()
    {
        var (harness, bureau, disclosure, id) = await SetupAsync();
        await using var _h = harness;

        (await As(harness, "secA", s => s.StartRedisclosureAsync(new FeedbackReasonRequest(id, 1, "根据意见更正"))))
            .Message.ShouldBe("意见尚未答复，不能据此启动再次公开。");
        await As(harness, "secA", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["secA"].UserId)));
        await As(harness, "secA", s => s.AnswerAsync(new AnswerFeedbackRequest(id, 2, "将更正后再次公开。")));
        // A stale page is a conflict, and it leaves no draft behind: the draft and the link are one transaction.
        (await As(harness, "handler", s => s.StartRedisclosureAsync(new FeedbackReasonRequest(id, 2, "根据意见更正")))).Status.ShouldBe(ResultStatus.Conflict);
        await using (var db = harness.NewDb()) (await db.Disclosures.CountAsync(d => d.RevisesDisclosureId == disclosure)).ShouldBe(0);

        // The handler, who may not draft, may still open the draft from the feedback; the branch's drafters write it.
        var started = await As(harness, "handler", s => s.StartRedisclosureAsync(new FeedbackReasonRequest(id, 3, "根据意见更正")));

        started.Succeeded.ShouldBeTrue(started.Message);
        (await StoredAsync(harness, id)).RedisclosureId.ShouldBe(started.Value);
        await using (var db = harness.NewDb())
        {
            var draft = await db.Disclosures.SingleAsync(d => d.Id == started.Value);
            draft.RevisesDisclosureId.ShouldBe(disclosure);
            draft.State.ShouldBe(DisclosureState.Draft);
            (await db.Disclosures.CountAsync(d => d.RevisesDisclosureId == disclosure)).ShouldBe(1);
        }
        (await As(harness, "secA", s => s.StartRedisclosureAsync(new FeedbackReasonRequest(id, 4, "再来一次")))).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Feedback_text_and_sender_are_read_only_by_its_handlers_and_the_leader_it_was_reported_to()
    {
        var (harness, bureau, _, id) = await SetupAsync();
        await using var _h = harness;

        async Task<ResultStatus> ReadAs(string user)
        {
            await harness.SignInAsync(user);
            await using var scope = harness.NewScope();
            return (await harness.Get<FeedbackQueryService>(scope).GetAsync(id)).Status;
        }

        (await ReadAs("handler")).ShouldBe(ResultStatus.Ok);
        (await ReadAs("secA")).ShouldBe(ResultStatus.Ok);
        (await ReadAs("office")).ShouldBe(ResultStatus.Ok);
        (await ReadAs("secB")).ShouldBe(ResultStatus.NotFound);
        (await ReadAs("memberA")).ShouldBe(ResultStatus.NotFound);
        (await ReadAs("leader")).ShouldBe(ResultStatus.NotFound);
        await As(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["handler"].UserId)));
        await As(harness, "handler", s => s.AnswerAsync(new AnswerFeedbackRequest(id, 2, "答复")));
        await As(harness, "handler", s => s.ReportAsync(new ReportFeedbackRequest(id, 3, bureau["leader"].UserId, "结果", null)));
        (await ReadAs("leader")).ShouldBe(ResultStatus.Ok);
    }
}
