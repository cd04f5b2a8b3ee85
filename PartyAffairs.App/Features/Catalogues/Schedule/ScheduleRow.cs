using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// One dated occurrence as the schedule shows it: whose item, which period, when due, and how it stands today.
/// <paramref name="Provisional"/>: still open and due in a year whose holiday notice is not imported (暂定), so the date may move.
/// </summary>
public sealed record ScheduleRow(int OccurrenceId, int ItemId, int OrganizationId, string OrganizationName, string ItemTitle, Cadence Cadence,
    string Label, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, OccurrenceStatus Status, DateOnly? FulfilledOn, int? DisclosureId,
    bool Provisional = false);
