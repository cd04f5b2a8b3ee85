using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>What the schedule narrows its occurrences by; null means any.</summary>
public sealed record ScheduleFilter(int? OrganizationId = null, OccurrenceStatus? Status = null, Cadence? Cadence = null);
