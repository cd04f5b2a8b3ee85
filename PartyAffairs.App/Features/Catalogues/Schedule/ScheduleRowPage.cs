namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>One page of the schedule's list: <see cref="Total"/> counts everything the filters match.</summary>
public sealed record ScheduleRowPage(IReadOnlyList<ScheduleRow> Rows, int Total);
