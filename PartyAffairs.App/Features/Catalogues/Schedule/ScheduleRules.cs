using System.Linq.Expressions;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// <see cref="CatalogueOccurrence.StatusOn"/> as a query the database evaluates, so the schedule filters and sorts by status in SQL:
/// the day of publication is the bureau's (<paramref name="utcOffset"/>: China keeps one offset all year), overdue is
/// <see cref="OccurrenceRules"/>' rule, and "due soon" looks <paramref name="soonDays"/> ahead, today included.
/// </summary>
public static class ScheduleRules
{
    public static Expression<Func<CatalogueOccurrence, OccurrenceStatus>> StatusOf(DateOnly today, int soonDays, TimeSpan utcOffset)
    {
        var hours = utcOffset.TotalHours;
        var horizon = today.AddDays(soonDays);
        Expression<Func<CatalogueOccurrence, bool, OccurrenceStatus>> status = (o, overdue) =>
            o.State == OccurrenceState.Cancelled ? OccurrenceStatus.Cancelled
            : o.State == OccurrenceState.Fulfilled
                ? DateOnly.FromDateTime(o.FulfilledAtUtc!.Value.AddHours(hours)) > o.DueDate ? OccurrenceStatus.FulfilledLate : OccurrenceStatus.FulfilledOnTime
            : overdue ? OccurrenceStatus.Overdue
            : o.DueDate <= horizon ? OccurrenceStatus.DueSoon
            : OccurrenceStatus.NotDue;
        return RuleExpression.Over<CatalogueOccurrence, OccurrenceStatus>(status,
            (Expression<Func<CatalogueOccurrence, CatalogueOccurrence>>)(o => o), OccurrenceRules.OverdueOn(today));
    }
}
