using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// The dates of one feedback that the assessment needs. <see cref="AssignedAtUtc"/> comes from the audit trail (the
/// feedback's "Assign" entry): the entity keeps only its current step's deadline, so the answer step's own deadline is
/// worked out again from when that step began.
/// </summary>
public sealed record FeedbackFacts(int Id, int OrganizationId, int DisclosureId, bool IsAbusive, FeedbackState State, DateTime ReceivedAtUtc,
    DateTime? AssignedAtUtc, DateTime? AnsweredAtUtc, DateTime? ResultDisclosedAtUtc, DateTime? ClosedAtUtc)
{
    public bool ResultDisclosed => !IsAbusive && ResultDisclosedAtUtc is not null;

    /// <summary>Handled: its result disclosed, or closed without one.</summary>
    public DateTime? HandledAtUtc => IsAbusive ? null : ResultDisclosedAtUtc ?? ClosedAtUtc;

    /// <summary>
    /// Answered by the answer step's deadline: the end of the bureau's day <paramref name="answerWorkingDays"/> working
    /// days after the day it was assigned (as the handling service sets the step's deadline when it assigns). With no
    /// deadline configured every answer is in time. Abusive feedback is never "answered".
    /// </summary>
    public bool AnsweredInTime(WorkingCalendar calendar, int? answerWorkingDays, BureauClock clock)
    {
        if (IsAbusive || AnsweredAtUtc is not { } answered) return false;
        if (answerWorkingDays is not { } days) return true;
        var stepStart = AssignedAtUtc ?? ReceivedAtUtc;
        var deadline = clock.EndOfDayUtc(calendar.AddWorkingDays(DateOnly.FromDateTime(clock.ToLocal(stepStart)), days));
        return answered <= deadline;
    }

    /// <summary>
    /// Working days from the bureau's day of receipt to the day it was handled (the receiving day not counted, the handling
    /// day counted if it is a working day): handled the same day is 0.
    /// </summary>
    public int? WorkingDaysToHandle(WorkingCalendar calendar, BureauClock clock) => HandledAtUtc is { } handled
        ? calendar.WorkingDaysBetween(DateOnly.FromDateTime(clock.ToLocal(ReceivedAtUtc)), DateOnly.FromDateTime(clock.ToLocal(handled)))
        : null;
}
