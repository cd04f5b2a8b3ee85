using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>Late feedback (<see cref="FeedbackRules"/>): every state against a missing, passed, current and coming deadline.</summary>
public sealed class FeedbackRulesTests
{
    private static readonly DateTime Now = DomainFixtures.Now;

    [Theory]
    [InlineData(FeedbackState.Received, null, false)]
    [InlineData(FeedbackState.Received, -1, true)]
    [InlineData(FeedbackState.Received, 0, false)]
    [InlineData(FeedbackState.Received, 1, false)]
    [InlineData(FeedbackState.Assigned, -1, true)]
    [InlineData(FeedbackState.Assigned, 1, false)]
    [InlineData(FeedbackState.Answered, -1, true)]
    [InlineData(FeedbackState.Reported, -1, true)]
    [InlineData(FeedbackState.ResultDisclosed, -1, true)]
    [InlineData(FeedbackState.ResultDisclosed, null, false)]
    [InlineData(FeedbackState.Closed, -1, false)]
    [InlineData(FeedbackState.Closed, null, false)]
    public void Late_means_not_closed_and_past_the_deadline_of_its_step(FeedbackState state, int? dueInHours, bool late)
    {
        DateTime? due = dueInHours is { } hours ? Now.AddHours(hours) : null;
        FeedbackRules.IsLate(state, due, Now).ShouldBe(late);
    }

    [Theory]
    [InlineData(FeedbackState.Received)]
    [InlineData(FeedbackState.Assigned)]
    [InlineData(FeedbackState.Answered)]
    [InlineData(FeedbackState.Reported)]
    [InlineData(FeedbackState.ResultDisclosed)]
    [InlineData(FeedbackState.Closed)]
    public void The_query_form_says_of_an_entity_what_the_entity_says_of_itself(FeedbackState state)
    {
        var f = FeedbackInState(state);
        foreach (var at in new[] { Now, Now.AddDays(5), Now.AddDays(6), Now.AddDays(60) })
            FeedbackRules.LateAt(at).Compile()(f).ShouldBe(f.IsLate(at), $"{state} at {at:O}");
        // The fixture's open steps fall due five days after receipt: late a day later, closed never.
        f.IsLate(Now.AddDays(6)).ShouldBe(state != FeedbackState.Closed);
        FeedbackRules.Open.Compile()(f).ShouldBe(state != FeedbackState.Closed);
    }

    private static Feedback FeedbackInState(FeedbackState state) => DomainFixtures.FeedbackInState(state);
}
