namespace PartyAffairs.App.Domain;

/// <summary>
/// A year whose State Council holiday notice (放假调休安排) has been imported: its calendar is official. A year without one
/// is provisional and counts on the computed <see cref="StatutoryHolidays"/>.
/// </summary>
public sealed class CalendarYear
{
    public int Year { get; private set; }
    public DateTime ImportedAtUtc { get; private set; }
    public string ImportedById { get; private set; } = "";

    private CalendarYear() { }

    public CalendarYear(int year, string importedById, DateTime utcNow)
    {
        Year = year;
        Imported(importedById, utcNow);
    }

    /// <summary>Imported again (a corrected notice): the year stays official, with the latest import.</summary>
    public void Imported(string importedById, DateTime utcNow)
    {
        ImportedById = importedById;
        ImportedAtUtc = utcNow;
    }
}
