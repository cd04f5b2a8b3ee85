using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>One feedback as the assessment counts it (see <see cref="AssessmentRules.FeedbackFacts"/>); settable so the database can build it.</summary>
public sealed class FeedbackFact
{
    public int Id { get; init; }
    public int OrganizationId { get; init; }
    /// <summary>Null for mailbox feedback (意见箱), which is counted like any other.</summary>
    public int? DisclosureId { get; init; }
    public FeedbackKind? Kind { get; init; }
    public bool IsAbusive { get; init; }
    public FeedbackState State { get; init; }
    public DateTime ReceivedAtUtc { get; init; }
    public bool AnsweredInTime { get; init; }
    public bool ResultDisclosed { get; init; }
    /// <summary>Null unless it was handled.</summary>
    public int? WorkingDaysToHandle { get; init; }
    /// <summary>The working days as recorded, abusive or not: grouped by, with <see cref="IsAbusive"/>, in the order of an index.</summary>
    public int? RecordedWorkingDays { get; init; }
}
