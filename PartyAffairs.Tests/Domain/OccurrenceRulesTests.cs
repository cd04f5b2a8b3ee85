using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>Today is Thursday 2026-11-26; "due soon" on the home pages looks 14 days ahead.</summary>
public sealed class OccurrenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("2026-11-20", false, true)]
    [InlineData("2026-11-25", false, true)]
    [InlineData("2026-11-26", true, false)]
    [InlineData("2026-12-05", true, false)]
    [InlineData("2026-12-10", true, false)]
    [InlineData("2026-12-11", false, false)]
    public void An_occurrence_is_either_due_soon_or_overdue_never_both(string due, bool dueSoon, bool overdue)
    {
        var occurrence = new CatalogueOccurrence(1, "2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), DateOnly.Parse(due));

        OccurrenceRules.DueWithin(Today, OccurrenceRules.HomeSoonDays).Compile()(occurrence).ShouldBe(dueSoon);
        OccurrenceRules.OverdueOn(Today).Compile()(occurrence).ShouldBe(overdue);
        occurrence.IsOverdue(Today).ShouldBe(overdue, "the query form and the entity's own rule agree");
    }

    [Theory]
    [InlineData(OccurrenceState.Open, "2026-11-25", true)]
    [InlineData(OccurrenceState.Open, "2026-11-26", false)]
    [InlineData(OccurrenceState.Open, "2026-11-27", false)]
    [InlineData(OccurrenceState.Fulfilled, "2026-11-25", false)]
    [InlineData(OccurrenceState.Cancelled, "2026-11-25", false)]
    [InlineData(OccurrenceState.Fulfilled, "2026-11-27", false)]
    public void Only_an_open_occurrence_past_its_due_date_is_overdue(OccurrenceState state, string due, bool overdue) =>
        OccurrenceRules.IsOverdue(state, DateOnly.Parse(due), Today).ShouldBe(overdue);
}
