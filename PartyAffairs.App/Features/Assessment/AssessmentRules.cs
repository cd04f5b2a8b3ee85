using System.Linq.Expressions;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// What each figure counts, written once so the table, the drill-down lists and the annual report cannot disagree.
/// <list type="bullet">
/// <item>Occurrences: those of an approved or in-force catalogue, not cancelled, whose due date falls in the period,
/// classified as <see cref="CatalogueOccurrence.StatusOn"/> classifies them on the bureau's today: <b>on time</b> = published
/// on or before the due date (the bureau's day of publication); <b>late</b> = published after it; <b>missed</b> = still open
/// after the due date (it becomes late if published later). An open occurrence not yet past its due date (due today or
/// later) is not counted. <b>Due</b> = on time + late + missed.</item>
/// <item>Out of catalogue: disclosures first published in the period with a reason for being outside the catalogue and
/// revising nothing. Re-disclosures: disclosures published in the period that revise an earlier one (再次公开). A disclosure
/// counts where it was published, whatever its state now (closed or withdrawn since).</item>
/// <item>Feedback: received in the period, as it stands today. Abusive feedback is counted apart and in nothing else.
/// <b>Answered in time</b>: answered by the answer step's deadline (<see cref="Feedback.AnswerDueAtUtc"/>, fixed when it was
/// assigned: the end of the bureau's day that many working days after the day of assignment); with no deadline set, every
/// answer is in time. <b>Results disclosed</b>: the leader in charge acknowledged the report, so the result is public.
/// <b>Handled</b>: its result was disclosed; the <b>median working days</b> runs from receipt to that moment, see
/// <see cref="Feedback.WorkingDaysToHandle"/>. Both are recorded when the step happens, so a later change of the step
/// deadlines or the calendar leaves past figures as they were.</item>
/// <item>Mailbox feedback (意见箱, about no one item) is feedback like any other and counts in every feedback figure above.
/// It belongs to the organization it was filed under: the bureau's top organization (机关党委), the one that runs the
/// mailbox, so it shows in that row (bureau level) and in the total, never in a branch's. Its part of <b>received</b> is also
/// counted by kind (意见建议, 应公开未公开, 其他; <see cref="MailboxOfKind"/>), abusive apart as always.</item>
/// <item>Boards posted (公开栏张贴): the postings <see cref="BoardPostingRules.CountedBetween"/> counts in the period, for the
/// organization that recorded them, in the quarter of the day the board went up.</item>
/// <item>Rectifications open: of inspections dated on or before the period's end (or today, if sooner), those not
/// completed by the end of that day.</item>
/// <item>Standing gap days (长期公开缺位天数): for each standing line of an approved or in-force catalogue (not retired), the
/// days of the period, up to today and within the catalogue's year, after its due date on which no item of the line was on
/// display at any moment (<see cref="StandingRules.GapDays"/>), added up per organization.</item>
/// </list>
/// </summary>
public static class AssessmentRules
{
    /// <summary>The Office and Leaders assess every organization, a Secretary those she is secretary of; nobody else.</summary>
    public static bool CanAssess(Actor a) => a.SeesWholeBureau || a.OrganizationsWhere(Roles.Secretary).Count > 0;

    /// <summary>The organizations a person may assess, or null for the whole bureau.</summary>
    public static IReadOnlyList<int>? ScopeOf(Actor a) => a.SeesWholeBureau ? null : a.OrganizationsWhere(Roles.Secretary);

    /// <summary>
    /// Each occurrence as a query the database evaluates, its status equal to <see cref="CatalogueOccurrence.StatusOn"/>
    /// with the day of publication in the bureau's zone (<paramref name="utcOffset"/>: China keeps one offset all year),
    /// except that an open occurrence not yet overdue is <see cref="OccurrenceStatus.NotDue"/> whether or not it is due soon.
    /// </summary>
    public static Expression<Func<CatalogueOccurrence, OccurrenceFact>> Facts(DateOnly today, TimeSpan utcOffset)
    {
        var hours = utcOffset.TotalHours;
        // Overdue is the home pages' and the dashboard's rule (OccurrenceRules), spliced in, not written again.
        Expression<Func<CatalogueOccurrence, bool, OccurrenceFact>> facts = (o, overdue) => new OccurrenceFact
        {
            Id = o.Id,
            OrganizationId = o.CatalogueItem!.OrganizationId,
            Month = o.DueDate.Month,
            Status = o.State == OccurrenceState.Fulfilled
                ? DateOnly.FromDateTime(o.FulfilledAtUtc!.Value.AddHours(hours)) <= o.DueDate ? OccurrenceStatus.FulfilledOnTime : OccurrenceStatus.FulfilledLate
                : overdue ? OccurrenceStatus.Overdue
                : o.State == OccurrenceState.Cancelled ? OccurrenceStatus.Cancelled
                : OccurrenceStatus.NotDue,
        };
        return RuleExpression.Over<CatalogueOccurrence, OccurrenceFact>(facts,
            (Expression<Func<CatalogueOccurrence, CatalogueOccurrence>>)(o => o), OccurrenceRules.OverdueOn(today));
    }

    /// <summary>
    /// The occurrences whose <see cref="Facts"/> status the assessment counts (on time, late, overdue): fulfilled, or overdue by
    /// the same spliced rule. A filter the database applies before it works out a status: the status's date arithmetic, evaluated
    /// for every row of a city's year in the filter as well, took 0.4 s of the assessment's read.
    /// </summary>
    public static Expression<Func<CatalogueOccurrence, bool>> Counted(DateOnly today)
    {
        Expression<Func<CatalogueOccurrence, bool, bool>> counted = (o, overdue) => o.State == OccurrenceState.Fulfilled || overdue;
        return RuleExpression.Over<CatalogueOccurrence, bool>(counted,
            (Expression<Func<CatalogueOccurrence, CatalogueOccurrence>>)(o => o), OccurrenceRules.OverdueOn(today));
    }

    /// <summary>Each feedback as a query the database evaluates, from the facts recorded on it as it went through its steps.</summary>
    public static Expression<Func<Feedback, FeedbackFact>> FeedbackFacts => f => new FeedbackFact
    {
        Id = f.Id,
        OrganizationId = f.OrganizationId,
        DisclosureId = f.DisclosureId,
        Kind = f.Kind,
        IsAbusive = f.IsAbusive,
        State = f.State,
        ReceivedAtUtc = f.ReceivedAtUtc,
        AnsweredInTime = !f.IsAbusive && f.AnsweredAtUtc != null && (f.AnswerDueAtUtc == null || f.AnsweredAtUtc <= f.AnswerDueAtUtc),
        ResultDisclosed = !f.IsAbusive && f.ResultDisclosedAtUtc != null,
        WorkingDaysToHandle = f.IsAbusive ? null : f.WorkingDaysToHandle,
        RecordedWorkingDays = f.WorkingDaysToHandle,
    };

    /// <summary>
    /// Whether a feedback counts as mailbox feedback of <paramref name="kind"/>: about no one item, not abusive, of that kind
    /// (a mailbox row without a kind, which the domain never writes, would count as 其他).
    /// </summary>
    public static Expression<Func<FeedbackFact, bool>> MailboxOfKind(FeedbackKind kind) =>
        f => !f.IsAbusive && f.DisclosureId == null && (f.Kind ?? FeedbackKind.Other) == kind;

    /// <summary>The kind a mailbox measure counts; null for other measures.</summary>
    public static FeedbackKind? KindOf(AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.MailboxSuggestions => FeedbackKind.Suggestion,
        AssessmentMeasure.MailboxUndisclosed => FeedbackKind.Undisclosed,
        AssessmentMeasure.MailboxOther => FeedbackKind.Other,
        _ => null,
    };

    /// <summary>The statuses a measure of occurrences lists; empty for measures that are not about occurrences.</summary>
    public static OccurrenceStatus[] StatusesOf(AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.Due => [OccurrenceStatus.FulfilledOnTime, OccurrenceStatus.FulfilledLate, OccurrenceStatus.Overdue],
        AssessmentMeasure.OnTime => [OccurrenceStatus.FulfilledOnTime],
        AssessmentMeasure.Late => [OccurrenceStatus.FulfilledLate],
        AssessmentMeasure.Missed => [OccurrenceStatus.Overdue],
        _ => [],
    };

    /// <summary>
    /// The middle value, or the mean of the two middle values, of values given as how many times each occurs; null for none.
    /// Read from the counts themselves: a city's year is hundreds of thousands of values but a few dozen distinct ones.
    /// </summary>
    public static double? Median(IEnumerable<(int Value, int Count)> counts)
    {
        var histogram = counts.Where(c => c.Count > 0).GroupBy(c => c.Value).Select(g => (Value: g.Key, Count: g.Sum(c => c.Count))).OrderBy(c => c.Value).ToList();
        var total = histogram.Sum(c => c.Count);
        if (total == 0) return null;
        // The values at zero-based positions (total - 1) / 2 and total / 2: the same one when the total is odd.
        int At(int position)
        {
            foreach (var (value, count) in histogram)
            {
                if (position < count) return value;
                position -= count;
            }
            throw new InvalidOperationException("Position beyond the counts.");
        }
        return (At((total - 1) / 2) + At(total / 2)) / 2.0;
    }
}
