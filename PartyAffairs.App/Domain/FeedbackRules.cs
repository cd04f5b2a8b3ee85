using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// Rules about feedback that the handling list, the reminders, the home pages, the dashboard and archiving share, stated
/// once on the values they read and lifted into queries from the same expression (the shape of <see cref="DisclosureRules"/>).
/// </summary>
public static class FeedbackRules
{
    /// <summary>
    /// Late (逾期): not closed, and the deadline of the step it is in has passed. Feedback whose step has no deadline is
    /// never late; closing clears the deadline, and closed feedback is not late even where an older row kept one.
    /// </summary>
    private static readonly Expression<Func<FeedbackState, DateTime?, DateTime, bool>> Late =
        (state, stepDueAtUtc, utcNow) => state != FeedbackState.Closed && stepDueAtUtc != null && stepDueAtUtc < utcNow;

    private static readonly Func<FeedbackState, DateTime?, DateTime, bool> late = Late.Compile();

    /// <summary>Still being handled: every state but Closed.</summary>
    public static readonly Expression<Func<Feedback, bool>> Open = f => f.State != FeedbackState.Closed;

    private static readonly Func<Feedback, bool> open = Open.Compile();

    /// <summary>The query form of <see cref="Late"/> at <paramref name="utcNow"/> (sent as a parameter, so the query plan is reused).</summary>
    public static Expression<Func<Feedback, bool>> LateAt(DateTime utcNow) =>
        RuleExpression.Over<Feedback, bool>(Late,
            (Expression<Func<Feedback, FeedbackState>>)(f => f.State),
            (Expression<Func<Feedback, DateTime?>>)(f => f.StepDueAtUtc),
            (Expression<Func<Feedback, DateTime>>)(f => utcNow));

    /// <summary>
    /// <see cref="Late"/> on the two columns it reads: for <see cref="Feedback.IsLate"/> and for a query's final projection
    /// (evaluated as rows arrive, so a list need not load whole entities). A test checks it agrees with <see cref="LateAt"/>.
    /// </summary>
    public static bool IsLate(FeedbackState state, DateTime? stepDueAtUtc, DateTime utcNow) => late(state, stepDueAtUtc, utcNow);

    public static bool IsOpen(Feedback f) => open(f);
}
