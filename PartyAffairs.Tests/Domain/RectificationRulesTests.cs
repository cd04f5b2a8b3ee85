using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>Overdue rectification (<see cref="RectificationRules"/>): open and past its due date; the due date itself is in time.</summary>
public sealed class RectificationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(RectificationState.Open, "2026-11-25", true)]
    [InlineData(RectificationState.Open, "2026-11-26", false)]
    [InlineData(RectificationState.Open, "2026-12-01", false)]
    [InlineData(RectificationState.Done, "2026-11-25", false)]
    [InlineData(RectificationState.Done, "2026-12-01", false)]
    public void Overdue_is_open_and_past_its_due_date(RectificationState state, string due, bool overdue) =>
        RectificationRules.IsOverdue(state, DateOnly.Parse(due), Today).ShouldBe(overdue);

    [Theory]
    [InlineData("2026-11-25")]
    [InlineData("2026-11-26")]
    [InlineData("2026-12-01")]
    public void The_query_form_says_of_an_entity_what_the_entity_says_of_itself(string due)
    {
        var open = new Rectification(10, "补齐公开栏内容", "u-owner", "责任人", DateOnly.Parse(due));
        var done = new Rectification(10, "补齐公开栏内容", "u-owner", "责任人", DateOnly.Parse(due));
        done.Complete(DomainFixtures.Office, DomainFixtures.Now, "已补齐");
        foreach (var r in new[] { open, done })
            RectificationRules.OverdueOn(Today).Compile()(r).ShouldBe(r.IsOverdue(Today));
        open.IsOverdue(Today).ShouldBe(due == "2026-11-25");
        done.IsOverdue(Today).ShouldBeFalse();
    }
}
