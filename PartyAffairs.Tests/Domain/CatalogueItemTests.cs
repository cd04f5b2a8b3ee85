using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

public sealed class CatalogueItemTests
{
    private static CatalogueItem Item(Cadence cadence, params string[] phases) =>
        new(10, Category.OrganizationalBuilding, "事项", "", Channel.Board | Channel.Meeting, Audience.AllMembers, cadence, false, "书记", phases);

    [Theory]
    [InlineData(Cadence.Monthly, 12)]
    [InlineData(Cadence.Quarterly, 4)]
    [InlineData(Cadence.HalfYearly, 2)]
    [InlineData(Cadence.Yearly, 1)]
    [InlineData(Cadence.Immediate, 0)]
    public void Regular_items_expand_into_their_periods_of_the_year(Cadence cadence, int count)
    {
        var periods = Item(cadence).PlanPeriods(2026).ToList();
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
    public void Phased_items_get_one_slot_per_phase_and_need_phases()
    {
        Should.Throw<DomainRuleException>(() => Item(Cadence.Phased)).Code.ShouldBe("CatalogueItem.PhasesRequired");
        Item(Cadence.Phased, "确定入党积极分子", "确定发展对象", " ").PlanPeriods(2026).Select(p => p.Label)
            .ShouldBe(["确定入党积极分子", "确定发展对象"]);
    }

    [Fact]
    public void An_item_needs_a_title_and_a_channel()
    {
        Should.Throw<DomainRuleException>(() => new CatalogueItem(10, Category.Other, " ", "", Channel.Board, Audience.Public, Cadence.Yearly, false, ""));
        Should.Throw<DomainRuleException>(() => new CatalogueItem(10, Category.Other, "事项", "", Channel.None, Audience.Public, Cadence.Yearly, false, ""));
        Should.Throw<DomainRuleException>(() => new CatalogueItem(10, (Category)9, "事项", "", Channel.Board, Audience.Public, Cadence.Yearly, false, ""));
    }
}
