
namespace PartyAffairs.App.Features.Calendar;

/// <summary>
/// What an import would do: the year of the file, its days, how many stored days of that year it replaces, and the due dates
/// of open occurrences it would move.
/// </summary>
public sealed record CalendarImportPreview(int Year, IReadOnlyList<CalendarEntry> Days, int ReplacedCount, IReadOnlyList<DueDateMove> Moves);
