using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>An editable draft (<see cref="DisclosureRules.Editable"/>): only Draft and Rejected; the query form agrees with the entity.</summary>
public sealed class EditableRuleTests
{
    [Theory]
    [InlineData(DisclosureState.Draft, true)]
    [InlineData(DisclosureState.Rejected, true)]
    [InlineData(DisclosureState.Submitted, false)]
    [InlineData(DisclosureState.Approved, false)]
    [InlineData(DisclosureState.Published, false)]
    [InlineData(DisclosureState.Closed, false)]
    [InlineData(DisclosureState.Withdrawn, false)]
    public void Only_a_draft_or_a_rejected_item_is_editable(DisclosureState state, bool editable)
    {
        var d = DomainFixtures.InState(state);
        d.IsEditable.ShouldBe(editable);
        DisclosureRules.Editable.Compile()(d).ShouldBe(editable);
    }
}
