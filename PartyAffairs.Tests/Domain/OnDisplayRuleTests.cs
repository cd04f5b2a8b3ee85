using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>On display (<see cref="DisclosureRules.OnDisplayAt"/>): published, from its start up to, not including, its end.</summary>
public sealed class OnDisplayRuleTests
{
    private static readonly DateTime From = DomainFixtures.Now;
    private static readonly DateTime Until = DomainFixtures.Now.AddDays(7);

    [Theory]
    [InlineData(DisclosureState.Published, -1, false)]
    [InlineData(DisclosureState.Published, 0, true)]
    [InlineData(DisclosureState.Published, 24, true)]
    [InlineData(DisclosureState.Published, 7 * 24 - 1, true)]
    [InlineData(DisclosureState.Published, 7 * 24, false)]
    [InlineData(DisclosureState.Published, 8 * 24, false)]
    [InlineData(DisclosureState.Approved, 24, false)]
    [InlineData(DisclosureState.Closed, 24, false)]
    [InlineData(DisclosureState.Withdrawn, 24, false)]
    [InlineData(DisclosureState.Draft, 24, false)]
    public void On_display_is_published_and_inside_its_period(DisclosureState state, int hoursAfterStart, bool onDisplay) =>
        DisclosureRules.IsOnDisplay(state, From, Until, From.AddHours(hoursAfterStart)).ShouldBe(onDisplay);

    [Theory]
    [InlineData(DisclosureState.Approved, "before start", false, false)]
    [InlineData(DisclosureState.Approved, "at start", true, false)]
    [InlineData(DisclosureState.Approved, "after end", true, false)]
    [InlineData(DisclosureState.Submitted, "inside", false, false)]
    [InlineData(DisclosureState.Published, "inside", false, false)]
    [InlineData(DisclosureState.Published, "at end", false, true)]
    [InlineData(DisclosureState.Published, "after end", false, true)]
    [InlineData(DisclosureState.Closed, "after end", false, false)]
    [InlineData(DisclosureState.Withdrawn, "after end", false, false)]
    public void The_schedule_publishes_an_approved_item_at_its_start_and_closes_a_published_one_at_its_end(
        DisclosureState state, string moment, bool dueToPublish, bool dueToClose)
    {
        var d = DomainFixtures.InState(state);
        var at = moment switch
        {
            "before start" => d.DisplayFromUtc.AddSeconds(-1),
            "at start" => d.DisplayFromUtc,
            "inside" => d.DisplayFromUtc.AddDays(1),
            "at end" => d.DisplayUntilUtc,
            _ => d.DisplayUntilUtc.AddDays(1),
        };
        DisclosureRules.IsDueToPublish(d, at).ShouldBe(dueToPublish);
        DisclosureRules.IsDueToClose(d, at).ShouldBe(dueToClose);
        DisclosureRules.DueToPublishAt(at).Compile()(d).ShouldBe(dueToPublish);
        DisclosureRules.DueToCloseAt(at).Compile()(d).ShouldBe(dueToClose);
    }
}
