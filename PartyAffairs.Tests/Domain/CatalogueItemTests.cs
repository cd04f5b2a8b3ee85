using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

public sealed class CatalogueItemTests
{
    private static readonly WorkingCalendar Calendar = new(PartyAffairs.App.Features.Calendar.CalendarCsv.Bundled());

    private static readonly DateOnly Today = new(2026, 11, 26);

    private static CatalogueItem Item(Cadence cadence, params string[] phases) =>
        new(10, Category.OrganizationalBuilding, "事项", "", Channel.Board | Channel.Meeting, Audience.AllMembers, cadence, false, "书记", phases);

    [Theory]
    [InlineData(Cadence.Monthly, 12)]
    [InlineData(Cadence.Quarterly, 4)]
    [InlineData(Cadence.HalfYearly, 2)]
    [InlineData(Cadence.Yearly, 1)]
    [InlineData(Cadence.Immediate, 0)]
    [InlineData(Cadence.Phased, 0)]
    public void Regular_items_expand_into_their_periods_of_the_year(Cadence cadence, int count)
    {
        var periods = Item(cadence, "阶段一").PlanPeriods(2026).ToList();
        periods.Count.ShouldBe(count);
        if (count == 0) return;
        periods[0].PeriodStart.ShouldBe(new DateOnly(2026, 1, 1));
        periods[^1].PeriodEnd.ShouldBe(new DateOnly(2026, 12, 31));
        periods.Zip(periods.Skip(1)).ShouldAllBe(p => p.First.PeriodEnd.AddDays(1) == p.Second.PeriodStart);
    }

    [Fact]
    public void A_quarterly_item_is_due_four_times_with_quarter_ends()
    {
        Item(Cadence.Quarterly).PlanPeriods(2026).Select(p => p.PeriodEnd)
            .ShouldBe([new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 12, 31)]);
    }

    [Fact]
    public void Phased_items_need_phases_and_each_phase_is_due_its_working_days_after_the_secretary_opens_it()
    {
        Should.Throw<DomainRuleException>(() => Item(Cadence.Phased)).Code.ShouldBe("CatalogueItem.PhasesRequired");
        var item = Item(Cadence.Phased, "确定入党积极分子", "确定发展对象", " ");
        item.Phases.ShouldBe(["确定入党积极分子", "确定发展对象"]);

        item.OpenPhase(0, new DateOnly(2026, 9, 1), Today, Calendar, new DueRules());
        // Opened the Wednesday before National Day: five working days land after the holiday week.
        var opened = item.OpenPhase(1, new DateOnly(2026, 9, 30), Today, Calendar, new DueRules(Phase: 5));
        (opened.Label, opened.Sequence, opened.DueDate).ShouldBe(("确定发展对象", 2, new DateOnly(2026, 10, 13)));
        Should.Throw<DomainRuleException>(() => item.OpenPhase(1, new DateOnly(2026, 10, 9), Today, Calendar, new DueRules()))
            .Code.ShouldBe("CatalogueItem.PhaseAlreadyOpen");
        Should.Throw<DomainRuleException>(() => item.OpenPhase(2, new DateOnly(2026, 10, 9), Today, Calendar, new DueRules()));
        Should.Throw<DomainRuleException>(() => Item(Cadence.Yearly).OpenPhase(0, new DateOnly(2026, 10, 9), Today, Calendar, new DueRules()));
    }

    [Fact]
    public void Immediate_items_get_an_occurrence_when_the_event_is_recorded()
    {
        var item = Item(Cadence.Immediate);
        item.PlanYear(2026, Calendar, new DueRules());
        item.Occurrences.ShouldBeEmpty();
        var first = item.RecordEvent("换届选举", new DateOnly(2026, 2, 13), Today, Calendar, new DueRules(Immediate: 5));
        // Friday before Spring Festival: Sat 02-14 is worked, then 02-15..23 off.
        first.DueDate.ShouldBe(new DateOnly(2026, 2, 27));
        item.RecordEvent("班子调整", new DateOnly(2026, 3, 2), Today, Calendar, new DueRules()).Sequence.ShouldBe(2);
    }

    [Theory]
    [InlineData(Cadence.Monthly, 9, "2026-10-13")]     // September ends Wed 09-30; 10-01..07 off; 08, 09, 10 (Sat, worked), 12, 13
    [InlineData(Cadence.Quarterly, 3, "2026-10-20")]   // Q3 ends 09-30; then 14, 15, 16, 19, 20
    [InlineData(Cadence.HalfYearly, 1, "2026-07-14")]  // H1 ends Tue 06-30; 10 working days
    [InlineData(Cadence.Yearly, 1, "2027-01-21")]      // 12-31; 15 working days (2027 has no calendar yet: plain weeks)
    public void Approval_schedules_regular_items_their_working_days_after_each_period(Cadence cadence, int sequence, string due)
    {
        var item = Item(cadence);
        item.PlanYear(2026, Calendar, new DueRules());
        item.PlanYear(2026, Calendar, new DueRules());
        item.Occurrences.Count.ShouldBe(item.PlanPeriods(2026).Count());
        item.Occurrences.Single(o => o.Sequence == sequence).DueDate.ShouldBe(DateOnly.Parse(due));
    }

    [Fact]
    public void An_item_needs_a_title_and_a_channel()
    {
        Should.Throw<DomainRuleException>(() => new CatalogueItem(10, Category.Other, " ", "", Channel.Board, Audience.Public, Cadence.Yearly, false, ""));
        Should.Throw<DomainRuleException>(() => new CatalogueItem(10, Category.Other, "事项", "", Channel.None, Audience.Public, Cadence.Yearly, false, ""));
        Should.Throw<DomainRuleException>(() => new CatalogueItem(10, (Category)9, "事项", "", Channel.Board, Audience.Public, Cadence.Yearly, false, ""));
    }
}
