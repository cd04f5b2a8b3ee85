using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// Which open occurrences are due soon and which are overdue, in the query form the home pages, the dashboard and the
/// schedule share, so a count on one page and the list it opens agree. The due date itself is still in time
/// (<see cref="CatalogueOccurrence.StatusOn"/>): overdue starts the day after, and an overdue item is never also "due soon".
/// </summary>
public static class OccurrenceRules
{
    /// <summary>How far ahead the home pages' 「14 天内到期」 looks.</summary>
    public const int HomeSoonDays = 14;

    /// <summary>Due from <paramref name="today"/> up to <paramref name="days"/> days ahead, both ends included; never overdue.</summary>
    public static Expression<Func<CatalogueOccurrence, bool>> DueWithin(DateOnly today, int days)
    {
        var horizon = today.AddDays(days);
        return o => o.DueDate >= today && o.DueDate <= horizon;
    }

    /// <summary>Overdue (逾期未公开): still open, and <paramref name="today"/> (the bureau's day) is past its due date.</summary>
    private static readonly Expression<Func<OccurrenceState, DateOnly, DateOnly, bool>> Overdue =
        (state, dueDate, today) => state == OccurrenceState.Open && dueDate < today;

    private static readonly Func<OccurrenceState, DateOnly, DateOnly, bool> overdue = Overdue.Compile();

    /// <summary>The query form of <see cref="Overdue"/> on <paramref name="today"/> (sent as a parameter).</summary>
    public static Expression<Func<CatalogueOccurrence, bool>> OverdueOn(DateOnly today) =>
        RuleExpression.Over<CatalogueOccurrence, bool>(Overdue,
            (Expression<Func<CatalogueOccurrence, OccurrenceState>>)(o => o.State),
            (Expression<Func<CatalogueOccurrence, DateOnly>>)(o => o.DueDate),
            (Expression<Func<CatalogueOccurrence, DateOnly>>)(o => today));

    /// <summary><see cref="Overdue"/> on the columns it reads: for <see cref="CatalogueOccurrence.IsOverdue"/> and a query's final projection.</summary>
    public static bool IsOverdue(OccurrenceState state, DateOnly dueDate, DateOnly today) => overdue(state, dueDate, today);
}
