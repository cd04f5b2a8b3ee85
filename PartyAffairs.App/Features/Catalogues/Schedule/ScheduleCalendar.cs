namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// The occurrences of the weeks a calendar month shows: at most <see cref="ScheduleService.PerDay"/> a day in <see cref="Rows"/>,
/// and how many each day has in all (<see cref="Counts"/>), so a busy day says how many more the list holds.
/// </summary>
public sealed record ScheduleCalendar(IReadOnlyList<ScheduleRow> Rows, IReadOnlyDictionary<DateOnly, int> Counts)
{
    public static readonly ScheduleCalendar Empty = new([], new Dictionary<DateOnly, int>());

    public int MoreOn(DateOnly day, int shown) => Counts.TryGetValue(day, out var count) ? Math.Max(0, count - shown) : 0;
}
