using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// One organization's figures for a period; <see cref="AssessmentRules"/> defines each of them. <see cref="Due"/> is
/// always <see cref="OnTime"/> + <see cref="Late"/> + <see cref="Missed"/>. <see cref="MedianWorkingDays"/> is null
/// when no feedback of the period has been handled yet. <see cref="StandingGapDays"/> (长期公开缺位天数) adds up, over the
/// organization's standing lines, the days of the period they had nothing on display (see <see cref="StandingRules"/>).
/// <see cref="MailboxSuggestions"/>, <see cref="MailboxUndisclosed"/> and <see cref="MailboxOther"/> are the part of
/// <see cref="FeedbackReceived"/> that came through the mailbox (意见箱), by kind; <see cref="BoardPostings"/> counts the
/// boards posted (公开栏张贴) in each quarter of the period.
/// </summary>
public sealed record AssessmentRow(int OrganizationId, string OrganizationName, int Due, int OnTime, int Late, int Missed,
    int OutOfCatalogue, int Redisclosures, int FeedbackReceived, int FeedbackAbusive, int AnsweredInTime, int ResultsDisclosed,
    int FeedbackHandled, double? MedianWorkingDays, int RectificationsOpen, int StandingGapDays = 0,
    int MailboxSuggestions = 0, int MailboxUndisclosed = 0, int MailboxOther = 0, QuarterCounts BoardPostings = default)
{
    /// <summary>On time as a share of what fell due, in percent to one decimal; null when nothing fell due.</summary>
    public double? OnTimeRate => Due == 0 ? null : Math.Round(100.0 * OnTime / Due, 1);

    public int Count(AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.Due => Due,
        AssessmentMeasure.OnTime => OnTime,
        AssessmentMeasure.Late => Late,
        AssessmentMeasure.Missed => Missed,
        AssessmentMeasure.OutOfCatalogue => OutOfCatalogue,
        AssessmentMeasure.Redisclosures => Redisclosures,
        AssessmentMeasure.FeedbackReceived => FeedbackReceived,
        AssessmentMeasure.FeedbackAbusive => FeedbackAbusive,
        AssessmentMeasure.AnsweredInTime => AnsweredInTime,
        AssessmentMeasure.ResultsDisclosed => ResultsDisclosed,
        AssessmentMeasure.FeedbackHandled => FeedbackHandled,
        AssessmentMeasure.StandingGapDays => StandingGapDays,
        AssessmentMeasure.MailboxSuggestions => MailboxSuggestions,
        AssessmentMeasure.MailboxUndisclosed => MailboxUndisclosed,
        AssessmentMeasure.MailboxOther => MailboxOther,
        AssessmentMeasure.BoardPostings => BoardPostings.Total,
        _ => RectificationsOpen,
    };
}
