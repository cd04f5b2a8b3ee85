using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>
/// One dated time an item falls due. Overdue: still open after its due date. Published on and late compare
/// the bureau's day of publication with the due date.
/// </summary>
public sealed record OccurrenceRow(int Id, string Label, DateOnly DueDate, OccurrenceState State, bool IsOverdue, int? DisclosureId,
    DateOnly? PublishedOn, bool PublishedLate);
