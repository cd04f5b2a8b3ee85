using PartyAffairs.App.Domain;
using Shouldly;

namespace PartyAffairs.Tests.Domain;

/// <summary>The rules a leading-group seat guards itself: a name, a term that does not end before it starts, one end, history kept.</summary>
public sealed class LeadingGroupMemberTests
{
    private static readonly Actor Office = new("o", "办公室", null, new HashSet<string> { Roles.Office });
    private static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static LeadingGroupMember Seat(string name = "王建国", DateOnly? from = null) =>
        LeadingGroupMember.Create(name, "机关党委书记", LeadingGroupPosition.Leader, null, 0, from ?? Start, Office, Now);

    [Theory]
    [InlineData("", "LeadingGroup.NameRequired")]
    [InlineData("   ", "LeadingGroup.NameRequired")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "LeadingGroup.NameTooLong")]
    public void A_seat_needs_a_name_of_sensible_length(string name, string rule) =>
        Should.Throw<DomainRuleException>(() => Seat(name)).Code.ShouldBe(rule);

    [Fact]
    public void An_unknown_position_is_refused() =>
        Should.Throw<DomainRuleException>(() => LeadingGroupMember.Create("王", "", (LeadingGroupPosition)99, null, 0, Start, Office, Now))
            .Code.ShouldBe("LeadingGroup.PositionInvalid");

    [Theory]
    // last day relative to the start, allowed
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    public void A_seat_ends_on_or_after_its_first_day(int days, bool allowed)
    {
        var seat = Seat();
        var end = () => seat.End(Start.AddDays(days), Office, Now);
        if (allowed)
        {
            end();
            seat.ValidUntil.ShouldBe(Start.AddDays(days));
        }
        else
        {
            Should.Throw<DomainRuleException>(end).Code.ShouldBe("LeadingGroup.EndBeforeStart");
            seat.ValidUntil.ShouldBeNull();
        }
    }

    [Fact]
    public void An_ended_seat_cannot_be_ended_again_nor_changed()
    {
        var seat = Seat();
        seat.End(Start.AddDays(10), Office, Now);
        Should.Throw<DomainRuleException>(() => seat.End(Start.AddDays(20), Office, Now)).Code.ShouldBe("LeadingGroup.AlreadyEnded");
        Should.Throw<DomainRuleException>(() => seat.Change("李", "", LeadingGroupPosition.Member, null, 0, Start, Office, Now))
            .Code.ShouldBe("LeadingGroup.AlreadyEnded");
        seat.ValidUntil.ShouldBe(Start.AddDays(10));
        seat.PersonName.ShouldBe("王建国");
    }

    [Theory]
    // day relative to the start, ends after (null = lasts), held that day
    [InlineData(-1, null, false)]
    [InlineData(0, null, true)]
    [InlineData(400, null, true)]
    [InlineData(10, 10, true)]
    [InlineData(11, 10, false)]
    [InlineData(-1, 10, false)]
    public void Held_on_a_day_is_one_rule_for_queries_and_objects(int day, int? endsAfter, bool held)
    {
        var seat = Seat();
        if (endsAfter is { } e) seat.End(Start.AddDays(e), Office, Now);
        var on = Start.AddDays(day);
        seat.IsCurrentOn(on).ShouldBe(held);
        LeadingGroupMember.CurrentOn(on).Compile()(seat).ShouldBe(held);
    }

    [Fact]
    public void Every_change_queues_an_audit_line_and_bumps_the_version()
    {
        var seat = Seat();
        seat.Change("王建国", "机关党委书记、局长", LeadingGroupPosition.Leader, "u1", 1, Start, Office, Now);
        seat.End(Start.AddDays(5), Office, Now, "换届");
        IAudited audited = seat;
        audited.PendingAudit.Select(a => a.Action).ShouldBe([WorkflowAction.Create, WorkflowAction.ChangeSeat, WorkflowAction.EndSeat]);
        audited.PendingAudit.ShouldAllBe(a => a.EntityType == nameof(LeadingGroupMember) && a.ActorId == "o");
        audited.PendingAudit[^1].Reason.ShouldBe("换届");
        seat.Version.ShouldBe(3);
        Should.Throw<ConcurrencyConflictException>(() => seat.EnsureVersion(2));
    }

    [Theory]
    [InlineData(LeadingGroupPosition.Leader, true, false)]
    [InlineData(LeadingGroupPosition.DeputyLeader, true, false)]
    [InlineData(LeadingGroupPosition.Member, false, false)]
    [InlineData(LeadingGroupPosition.OfficeDirector, false, true)]
    [InlineData(LeadingGroupPosition.OfficeDeputyDirector, false, true)]
    [InlineData(LeadingGroupPosition.OfficeMember, false, false)]
    public void Which_seats_suggest_a_role(LeadingGroupPosition position, bool leader, bool office)
    {
        var seat = LeadingGroupMember.Create("王", "", position, null, 0, Start, Office, Now);
        seat.SuggestsLeaderRole.ShouldBe(leader);
        seat.SuggestsOfficeRole.ShouldBe(office);
    }
}
