using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

public sealed class OccurrenceStatusTests
{
    private static readonly DateOnly Due = new(2026, 10, 13);

    private static CatalogueOccurrence Open() => new(1, "第一阶段", new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 30), Due);

    private static CatalogueOccurrence Fulfilled()
    {
        var occurrence = Open();
        occurrence.Fulfil(7, new DateTime(2026, 10, 13, 2, 0, 0, DateTimeKind.Utc));
        return occurrence;
    }

    [Theory]
    [InlineData(2026, 10, 5, OccurrenceStatus.NotDue)]
    [InlineData(2026, 10, 6, OccurrenceStatus.DueSoon)]
    [InlineData(2026, 10, 13, OccurrenceStatus.DueSoon)]
    [InlineData(2026, 10, 14, OccurrenceStatus.Overdue)]
    public void An_open_occurrence_is_due_soon_up_to_and_including_its_due_date_and_overdue_the_day_after(int y, int m, int d, OccurrenceStatus expected) =>
        Open().StatusOn(new DateOnly(y, m, d), null).ShouldBe(expected);

    [Fact]
    public void How_soon_is_soon_is_the_callers_choice() =>
        Open().StatusOn(new DateOnly(2026, 10, 10), null, soonDays: 2).ShouldBe(OccurrenceStatus.NotDue);

    [Fact]
    public void Published_on_the_due_date_is_on_time_and_the_day_after_is_late()
    {
        var today = new DateOnly(2026, 11, 26);
        Fulfilled().StatusOn(today, Due).ShouldBe(OccurrenceStatus.FulfilledOnTime);
        Fulfilled().StatusOn(today, Due.AddDays(-3)).ShouldBe(OccurrenceStatus.FulfilledOnTime);
        Fulfilled().StatusOn(today, Due.AddDays(1)).ShouldBe(OccurrenceStatus.FulfilledLate);
    }

    [Fact]
    public void A_cancelled_occurrence_is_never_overdue()
    {
        var occurrence = Open();
        occurrence.Cancel();
        occurrence.StatusOn(Due.AddDays(30), null).ShouldBe(OccurrenceStatus.Cancelled);
    }
}
