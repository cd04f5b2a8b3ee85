namespace PartyAffairs.App.Features.Assessment;

/// <summary>A figure of the assessment table whose items can be listed (the drill-down).</summary>
public enum AssessmentMeasure
{
    Due = 0,
    OnTime = 1,
    Late = 2,
    Missed = 3,
    OutOfCatalogue = 4,
    Redisclosures = 5,
    FeedbackReceived = 6,
    FeedbackAbusive = 7,
    AnsweredInTime = 8,
    ResultsDisclosed = 9,
    FeedbackHandled = 10,
    RectificationsOpen = 11,
    StandingGapDays = 12,
    MailboxSuggestions = 13,
    MailboxUndisclosed = 14,
    MailboxOther = 15,
    BoardPostings = 16,
}
