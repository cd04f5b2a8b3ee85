using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// What the schedule narrows its occurrences by; null means any. <see cref="SoonDays"/> is how far ahead "due soon" looks: a
/// week on the schedule itself, the home pages' 14 days when they open it from their count. Then one page of the list, in the
/// order of <see cref="SortBy"/> (a <see cref="ScheduleRow"/> property name; by due date when null).
/// </summary>
public sealed record ScheduleFilter(int? OrganizationId = null, OccurrenceStatus? Status = null, Cadence? Cadence = null, int SoonDays = 7,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false);
