using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// Overdue rectification (整改逾期): still open, and the bureau's day is past its due date. Stated once for the inspection
/// list, the dashboard card and the reminders, as a query and compiled (the shape of <see cref="OccurrenceRules"/>).
/// </summary>
public static class RectificationRules
{
    private static readonly Expression<Func<RectificationState, DateOnly, DateOnly, bool>> Overdue =
        (state, dueDate, today) => state == RectificationState.Open && dueDate < today;

    private static readonly Func<RectificationState, DateOnly, DateOnly, bool> overdue = Overdue.Compile();

    /// <summary>The query form of <see cref="Overdue"/> on <paramref name="today"/> (sent as a parameter).</summary>
    public static Expression<Func<Rectification, bool>> OverdueOn(DateOnly today) =>
        RuleExpression.Over<Rectification, bool>(Overdue,
            (Expression<Func<Rectification, RectificationState>>)(r => r.State),
            (Expression<Func<Rectification, DateOnly>>)(r => r.DueDate),
            (Expression<Func<Rectification, DateOnly>>)(r => today));

    /// <summary><see cref="Overdue"/> on the columns it reads, for <see cref="Rectification.IsOverdue"/>.</summary>
    public static bool IsOverdue(RectificationState state, DateOnly dueDate, DateOnly today) => overdue(state, dueDate, today);
}
