using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Board;

/// <summary>What became of one occurrence of a catalogue line, as the public catalogue shows it beside the promise.</summary>
public enum PublicOccurrenceStatus
{
    /// <summary>Not yet due, or due soon: shown with its due date.</summary>
    Due = 0,
    DisclosedOnTime = 1,
    DisclosedLate = 2,
    /// <summary>Past its due date without a disclosure (逾期未公开).</summary>
    Missed = 3,
    /// <summary>No longer due: its line was changed by an approved amendment.</summary>
    Cancelled = 4,
}

/// <summary>The public reading of <see cref="CatalogueOccurrence.StatusOn"/>: the schedule's own rule, only named for visitors.</summary>
public static class PublicOccurrenceStatuses
{
    public static PublicOccurrenceStatus Of(CatalogueOccurrence occurrence, DateOnly today, DateOnly? fulfilledOn) =>
        occurrence.StatusOn(today, fulfilledOn) switch
        {
            OccurrenceStatus.FulfilledOnTime => PublicOccurrenceStatus.DisclosedOnTime,
            OccurrenceStatus.FulfilledLate => PublicOccurrenceStatus.DisclosedLate,
            OccurrenceStatus.Overdue => PublicOccurrenceStatus.Missed,
            OccurrenceStatus.Cancelled => PublicOccurrenceStatus.Cancelled,
            _ => PublicOccurrenceStatus.Due,
        };
}
