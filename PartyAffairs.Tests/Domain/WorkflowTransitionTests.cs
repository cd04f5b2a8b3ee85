using PartyAffairs.App.Domain;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

public sealed class WorkflowTransitionTests
{
    private static readonly Dictionary<string, Action<Catalogue>> CatalogueActions = new()
    {
        ["Submit"] = c => c.Submit(Office, Now),
        ["Reject"] = c => c.Reject(Office, Now, "请补充第八类事项"),
        ["Approve"] = c => c.Approve(Leader, Now),
        ["PutInForce"] = c => c.PutInForce(Office, Now),
    };

    private static readonly Dictionary<(CatalogueState, string), CatalogueState> CatalogueAllowed = new()
    {
        [(CatalogueState.Draft, "Submit")] = CatalogueState.Submitted,
        [(CatalogueState.Submitted, "Reject")] = CatalogueState.Draft,
        [(CatalogueState.Submitted, "Approve")] = CatalogueState.Approved,
        [(CatalogueState.Approved, "PutInForce")] = CatalogueState.InForce,
    };

    public static TheoryData<CatalogueState, string> CataloguePairs()
    {
        var data = new TheoryData<CatalogueState, string>();
        foreach (var state in Enum.GetValues<CatalogueState>())
            foreach (var action in CatalogueActions.Keys)
                data.Add(state, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(CataloguePairs))]
    public void Catalogue_moves_only_draft_submitted_approved_in_force(CatalogueState state, string action)
    {
        var c = CatalogueInState(state);
        var version = c.Version;
        if (CatalogueAllowed.TryGetValue((state, action), out var expected))
        {
            CatalogueActions[action](c);
            c.State.ShouldBe(expected);
            c.Version.ShouldBe(version + 1);
            c.PendingAudit.ShouldHaveSingleItem().ToState.ShouldBe(expected.ToString());
        }
        else
        {
            Should.Throw<DomainRuleException>(() => CatalogueActions[action](c));
            c.State.ShouldBe(state);
            c.Version.ShouldBe(version);
            c.PendingAudit.ShouldBeEmpty();
        }
    }

    [Fact]
    public void An_empty_catalogue_cannot_be_submitted_and_a_submitted_one_takes_no_new_items()
    {
        var empty = new Catalogue(2026, "目录", null, Office, Now);
        Should.Throw<DomainRuleException>(() => empty.Submit(Office, Now)).Code.ShouldBe("Catalogue.Empty");
        var submitted = CatalogueInState(CatalogueState.Submitted);
        Should.Throw<DomainRuleException>(() => submitted.AddItem(
            new CatalogueItem(10, Category.Other, "其它", "", Channel.Board, Audience.Public, Cadence.Immediate, false, "书记")))
            .Code.ShouldBe("Catalogue.NotEditable");
    }

    [Fact]
    public void Approval_puts_the_catalogue_in_force_and_schedules_every_regular_item()
    {
        var c = CatalogueInState(CatalogueState.Submitted);
        var calendar = new WorkingCalendar(PartyAffairs.App.Features.Calendar.CalendarCsv.Bundled());
        c.ApproveIntoForce(Leader, Now, calendar, new DueRules());
        c.State.ShouldBe(CatalogueState.InForce);
        c.PendingAudit.Select(a => a.Action).ShouldBe([WorkflowAction.Approve, WorkflowAction.PutInForce]);
        c.Items.Single().Occurrences.Select(o => o.Label).ShouldBe(["2026年第一季度", "2026年第二季度", "2026年第三季度", "2026年第四季度"]);
        Should.Throw<DomainRuleException>(() => c.RemoveItem(c.Items.Single())).Code.ShouldBe("Catalogue.NotEditable");
    }

    private static readonly Dictionary<string, Action<Feedback>> FeedbackActions = new()
    {
        ["Assign"] = f => f.Assign(Office, Now, "u-handler", "处理人", null),
        ["Answer"] = f => f.AnswerWith(Office, Now, "答复", null),
        ["Report"] = f => f.ReportTo(Office, Now, Office.UserId, "机关党委书记", "处理结果", null, null),
        ["Acknowledge"] = f => f.Acknowledge(Office, Now, null, Weekdays, Beijing),
        ["Close"] = f => f.Close(Office, Now),
    };

    private static readonly Dictionary<FeedbackState, (string Action, FeedbackState To)> FeedbackNext = new()
    {
        [FeedbackState.Received] = ("Assign", FeedbackState.Assigned),
        [FeedbackState.Assigned] = ("Answer", FeedbackState.Answered),
        [FeedbackState.Answered] = ("Report", FeedbackState.Reported),
        [FeedbackState.Reported] = ("Acknowledge", FeedbackState.ResultDisclosed),
        [FeedbackState.ResultDisclosed] = ("Close", FeedbackState.Closed),
    };

    public static TheoryData<FeedbackState, string> FeedbackPairs()
    {
        var data = new TheoryData<FeedbackState, string>();
        foreach (var state in Enum.GetValues<FeedbackState>())
            foreach (var action in FeedbackActions.Keys)
                data.Add(state, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(FeedbackPairs))]
    public void Feedback_moves_one_step_at_a_time_in_order(FeedbackState state, string action)
    {
        var f = FeedbackInState(state);
        var version = f.Version;
        if (FeedbackNext.TryGetValue(state, out var next) && next.Action == action)
        {
            FeedbackActions[action](f);
            f.State.ShouldBe(next.To);
            f.Version.ShouldBe(version + 1);
            var audit = f.PendingAudit.ShouldHaveSingleItem();
            (audit.FromState, audit.ToState).ShouldBe((state.ToString(), next.To.ToString()));
        }
        else
        {
            Should.Throw<DomainRuleException>(() => FeedbackActions[action](f));
            f.State.ShouldBe(state);
            f.Version.ShouldBe(version);
            f.PendingAudit.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Feedback_is_taken_only_while_on_display_and_internal_items_only_from_members()
    {
        var draft = InState(DisclosureState.Draft);
        Should.Throw<DomainRuleException>(() => Feedback.Online(draft, "意见", true, null, null, Actor.Anonymous, Now, null))
            .Code.ShouldBe("Feedback.NotOnDisplay");

        var internalItem = Draft();
        internalItem.Edit("标题", "正文", Channel.Board, Audience.AllMembers, Now.AddHours(1), Now.AddDays(8), false, Drafter, Now);
        internalItem.Submit(Drafter, Now, []);
        internalItem.Approve(Office, Now, true);
        internalItem.Publish(Actor.System, Now.AddHours(2));
        Should.Throw<DomainRuleException>(() => Feedback.Online(internalItem, "意见", true, null, null, Actor.Anonymous, Now.AddHours(3), null))
            .Code.ShouldBe("Feedback.MembersOnly");
        Feedback.Online(internalItem, "意见", false, "张三", null, Drafter, Now.AddHours(3), null).SubmittedById.ShouldBe(Drafter.UserId);

        var published = InState(DisclosureState.Published);
        Should.Throw<DomainRuleException>(() => Feedback.Online(published, new string('长', Feedback.MaxContentLength + 1), true, null, null, Actor.Anonymous, Now.AddHours(3), null))
            .Code.ShouldBe("Feedback.ContentTooLong");
        var anonymous = Feedback.Online(published, "意见", anonymous: true, "张三", "138", Actor.Anonymous, Now.AddHours(3), null);
        anonymous.SenderName.ShouldBeNull();
        anonymous.SenderContact.ShouldBeNull();
    }

    [Fact]
    public void Offline_feedback_names_its_channel_and_cannot_be_received_in_the_future()
    {
        var published = InState(DisclosureState.Published);
        Should.Throw<DomainRuleException>(() => Feedback.Offline(published, FeedbackChannel.Online, "意见", null, null, Now, Office, Now, null));
        Should.Throw<DomainRuleException>(() => Feedback.Offline(published, FeedbackChannel.Letter, "意见", null, null, Now.AddDays(1), Office, Now, null))
            .Code.ShouldBe("Feedback.ReceivedInFuture");
        var letter = Feedback.Offline(published, FeedbackChannel.Letter, "来信意见", "李四", null, Now.AddDays(-2), Office, Now, null);
        letter.ReceivedAtUtc.ShouldBe(Now.AddDays(-2));
        letter.RegisteredById.ShouldBe(Office.UserId);
    }

    [Fact]
    public void Feedback_is_late_once_its_step_deadline_passed_and_never_when_closed()
    {
        var f = FeedbackInState(FeedbackState.Received);
        f.IsLate(Now.AddDays(6)).ShouldBeTrue();
        f.IsLate(Now).ShouldBeFalse();
        FeedbackInState(FeedbackState.Closed).IsLate(Now.AddDays(60)).ShouldBeFalse();
    }

    [Fact]
    public void Amendments_go_draft_submitted_approved_and_need_changes_and_a_reason()
    {
        Should.Throw<DomainRuleException>(() => new CatalogueAmendment(1, " ", Office, Now));
        var a = new CatalogueAmendment(1, "新增即时公开事项", Office, Now);
        Should.Throw<DomainRuleException>(() => a.Submit(Office, Now)).Code.ShouldBe("Amendment.Empty");
        Should.Throw<DomainRuleException>(() => a.Approve(Leader, Now));
        a.AddChange(new CatalogueAmendmentChange(AmendmentChangeKind.Retire, 5, null));
        a.Submit(Office, Now);
        Should.Throw<DomainRuleException>(() => a.AddChange(new CatalogueAmendmentChange(AmendmentChangeKind.Retire, 6, null)));
        a.Reject(Office, Now, "理由不充分");
        a.State.ShouldBe(AmendmentState.Draft);
        a.Submit(Office, Now);
        a.Approve(Leader, Now);
        a.State.ShouldBe(AmendmentState.Approved);
        Should.Throw<DomainRuleException>(() => a.Submit(Office, Now));
        Should.Throw<DomainRuleException>(() => new CatalogueAmendmentChange(AmendmentChangeKind.Change, null, "{}"));
    }

    [Fact]
    public void A_rectification_is_completed_once_with_an_outcome_and_is_overdue_only_while_open()
    {
        var r = new Rectification(10, "公开栏内容更新不及时", "u-secretary", "书记", new DateOnly(2026, 11, 1));
        r.IsOverdue(new DateOnly(2026, 11, 2)).ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => r.Complete(Office, Now, ""));
        r.Complete(Office, Now, "已建立每周更新制度");
        r.IsOverdue(new DateOnly(2026, 12, 1)).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => r.Complete(Office, Now, "再次"));
    }

    [Fact]
    public void Audit_entries_refuse_local_times()
    {
        Should.Throw<ArgumentException>(() => new AuditEntry(Office, DateTime.Now, "X", 1, null, WorkflowAction.Create, null, null, null));
    }
}
