using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Calendar;

/// <summary>A holiday or make-up working day as the Admin's list shows it.</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name);
