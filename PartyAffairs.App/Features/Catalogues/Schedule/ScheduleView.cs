using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// A year's schedule as one person may see it: one page of the occurrences (filtered; <see cref="Total"/> counts them all),
/// the organizations they may filter by, the year's holidays and make-up days, and the items they may act on (empty for
/// those who may not). HasCatalogue is false when no catalogue of the year is in force yet.
/// </summary>
public sealed record ScheduleView(int Year, bool HasCatalogue, DateOnly Today, OrganizationScope Scope,
    IReadOnlyList<ScheduleRow> Rows, IReadOnlyDictionary<DateOnly, CalendarDayKind> SpecialDays,
    IReadOnlyList<ActionableItem> PhasedItems, IReadOnlyList<ActionableItem> ImmediateItems, int Total = 0)
{
    public bool CanAct => PhasedItems.Count > 0 || ImmediateItems.Count > 0;

    /// <summary>The person sees more than one organization's schedule (the Office's and the Leader's view).</summary>
    public bool SeesSeveralOrganizations => Scope.Only is not { Count: <= 1 };
}
