namespace PartyAffairs.App.Features.Admin.Calendar;

/// <summary>What an import would do: the year of the file, its days, and how many stored days of that year it replaces.</summary>
public sealed record CalendarImportPreview(int Year, IReadOnlyList<CalendarEntry> Days, int ReplacedCount);
