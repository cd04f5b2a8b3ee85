using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogue;

/// <summary>One dated time an item falls due; overdue means still open after its due date in the bureau's time.</summary>
public sealed record OccurrenceRow(int Id, string Label, DateOnly DueDate, OccurrenceState State, bool IsOverdue, int? DisclosureId);
