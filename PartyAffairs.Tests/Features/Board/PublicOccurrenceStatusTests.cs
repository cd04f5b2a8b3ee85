using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>What the public catalogue says became of an occurrence: the schedule's rule (due date still in time), named for visitors.</summary>
public sealed class PublicOccurrenceStatusTests
{
    private static readonly DateOnly Due = new(2026, 4, 15);

    public static TheoryData<string, int, int?, PublicOccurrenceStatus> Cases => new()
    {
        // state, today relative to the due date, day published relative to the due date, what the visitor reads
        { "open", -30, null, PublicOccurrenceStatus.Due },
        { "open", -3, null, PublicOccurrenceStatus.Due },
        { "open", 0, null, PublicOccurrenceStatus.Due },
        { "open", 1, null, PublicOccurrenceStatus.Missed },
        { "open", 200, null, PublicOccurrenceStatus.Missed },
        { "fulfilled", 10, -5, PublicOccurrenceStatus.DisclosedOnTime },
        { "fulfilled", 10, 0, PublicOccurrenceStatus.DisclosedOnTime },
        { "fulfilled", 10, 1, PublicOccurrenceStatus.DisclosedLate },
        { "fulfilled", -10, -12, PublicOccurrenceStatus.DisclosedOnTime },
        { "cancelled", 30, null, PublicOccurrenceStatus.Cancelled },
        { "cancelled", -30, null, PublicOccurrenceStatus.Cancelled },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_occurrence_reads_as_due_missed_disclosed_on_time_or_late(string state, int todayOffset, int? publishedOffset, PublicOccurrenceStatus expected)
    {
        var occurrence = new CatalogueOccurrence(1, "2026-Q1", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), Due);
        DateOnly? publishedOn = publishedOffset is { } p ? Due.AddDays(p) : null;
        if (state == "fulfilled") occurrence.Fulfil(7, publishedOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (state == "cancelled") occurrence.Cancel();

        PublicOccurrenceStatuses.Of(occurrence, Due.AddDays(todayOffset), publishedOn).ShouldBe(expected);
    }
}
