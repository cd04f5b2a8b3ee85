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

    /// <summary>Past its due date on <paramref name="today"/>: the query form of <see cref="CatalogueOccurrence.IsOverdue"/> for open occurrences.</summary>
    public static Expression<Func<CatalogueOccurrence, bool>> OverdueOn(DateOnly today) => o => o.DueDate < today;
}
