using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>Plain objects in given states, built only through the entities' own methods.</summary>
internal static class DomainFixtures
{
    public static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
    public static readonly Actor Drafter = new("u-drafter", "起草人", 10, new HashSet<string> { Roles.Drafter });
    public static readonly Actor Secretary = new("u-secretary", "书记", 10, new HashSet<string> { Roles.Secretary });
    public static readonly Actor Office = new("u-office", "办公室", 1, new HashSet<string> { Roles.Office });
    public static readonly Actor Leader = new("u-leader", "领导小组组长", 1, new HashSet<string> { Roles.Leader });
    /// <summary>Monday to Friday, no holidays, in the bureau's zone: for transitions that count working days in passing.</summary>
    public static readonly WorkingCalendar Weekdays = new([]);
    public static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static Disclosure Draft(bool important = false, int days = 8, Audience audience = Audience.Public, int organizationId = 10)
    {
        var d = Disclosure.OutOfCatalogue(organizationId, Category.Other, "临时事项", Channel.Board, audience, Drafter, Now);
        d.Edit("标题", "正文", Channel.Board, audience, Now.AddHours(1), Now.AddHours(1).AddDays(days), important, Drafter, Now);
        return d;
    }

    public static Disclosure InState(DisclosureState state, Audience audience = Audience.Public, int organizationId = 10)
    {
        var d = Draft(audience: audience, organizationId: organizationId);
        switch (state)
        {
            case DisclosureState.Draft:
                break;
            case DisclosureState.Submitted:
                d.Submit(Drafter, Now, []);
                break;
            case DisclosureState.Approved:
                d.Submit(Drafter, Now, []);
                d.Approve(Office, Now, confidentialityConfirmed: true);
                break;
            case DisclosureState.Published:
                d.Submit(Drafter, Now, []);
                d.Approve(Office, Now, true);
                d.Publish(Actor.System, Now.AddHours(2));
                break;
            case DisclosureState.Closed:
                d.Submit(Drafter, Now, []);
                d.Approve(Office, Now, true);
                d.Publish(Actor.System, Now.AddHours(2));
                d.Close(Actor.System, Now.AddDays(10));
                break;
            case DisclosureState.Rejected:
                d.Submit(Drafter, Now, []);
                d.Reject(Office, Now, "请补充材料");
                break;
            case DisclosureState.Withdrawn:
                d.Withdraw(Drafter, Now, "不再需要");
                break;
        }
        d.State.ShouldBe(state);
        d.ClearPendingAudit();
        return d;
    }

    public static Catalogue CatalogueInState(CatalogueState state)
    {
        var c = new Catalogue(2026, "2026年度党务公开目录", "template.xlsx", Office, Now);
        c.AddItem(new CatalogueItem(10, Category.OrganizationalBuilding, "党费收缴情况", "按季度公开", Channel.Board, Audience.AllMembers,
            Cadence.Quarterly, false, "组织委员"));
        if (state >= CatalogueState.Submitted) c.Submit(Office, Now);
        if (state >= CatalogueState.Approved) c.Approve(Leader, Now);
        if (state >= CatalogueState.InForce) c.PutInForce(Office, Now);
        c.State.ShouldBe(state);
        c.ClearPendingAudit();
        return c;
    }

    public static Feedback FeedbackInState(FeedbackState state)
    {
        var disclosure = InState(DisclosureState.Published);
        var at = Now.AddHours(3);
        var f = Feedback.Online(disclosure, "建议公开更详细的明细", anonymous: true, null, null, Actor.Anonymous, at, at.AddDays(5));
        if (state >= FeedbackState.Assigned) f.Assign(Office, at, "u-handler", "处理人", at.AddDays(5));
        if (state >= FeedbackState.Answered) f.AnswerWith(Office, at, "已补充明细", at.AddDays(5));
        if (state >= FeedbackState.Reported) f.ReportTo(Office, at, Office.UserId, "机关党委书记", "已在公开栏补充明细", null, at.AddDays(5));
        if (state >= FeedbackState.ResultDisclosed) f.Acknowledge(Office, at, at.AddDays(5), Weekdays, Beijing);
        if (state >= FeedbackState.Closed) f.Close(Office, at);
        f.State.ShouldBe(state);
        f.ClearPendingAudit();
        return f;
    }
}
