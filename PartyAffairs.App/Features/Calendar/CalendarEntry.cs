using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>A holiday or make-up working day as the Admin's list shows it.</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name);
