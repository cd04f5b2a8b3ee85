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
}
