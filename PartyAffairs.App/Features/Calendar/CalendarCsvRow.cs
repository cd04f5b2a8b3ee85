using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>One day read from a calendar file, with the line it came from so a later check can name it.</summary>
public sealed record CalendarCsvRow(int LineNumber, CalendarDay Day);
