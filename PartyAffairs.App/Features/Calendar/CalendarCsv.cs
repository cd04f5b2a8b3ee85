using System.Globalization;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>Reads the holiday file format of shared/data (date,kind,name; kind is holiday or workday).</summary>
public static class CalendarCsv
{
    public static IReadOnlyList<CalendarDay> Parse(TextReader reader) => ParseRows(reader).Select(r => r.Day).ToList();

    /// <summary>As <see cref="Parse"/>, keeping each day's line number for checks made after parsing (duplicates, the year).</summary>
    public static IReadOnlyList<CalendarCsvRow> ParseRows(TextReader reader)
    {
        var rows = new List<CalendarCsvRow>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            // A file saved by Excel may start with a byte-order mark that a StringReader keeps.
            if (lineNumber == 1) line = line.TrimStart('\uFEFF');
            if (lineNumber == 1 && line.StartsWith("date", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(',', 3);
            if (parts.Length < 3
                || string.IsNullOrWhiteSpace(parts[2])
                || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new DomainRuleException("Calendar.BadLine", lineNumber);
            }
            var kind = parts[1].Trim().ToLowerInvariant() switch
            {
                "holiday" => CalendarDayKind.Holiday,
                "workday" => CalendarDayKind.Workday,
                _ => throw new DomainRuleException("Calendar.BadKind", lineNumber),
            };
            rows.Add(new CalendarCsvRow(lineNumber, new CalendarDay(date, kind, parts[2].Trim())));
        }
        return rows;
    }

    /// <summary>The 2026 calendar shipped inside the app (from the State Council notice of 2025-11-04).</summary>
    public static IReadOnlyList<CalendarDay> Bundled()
    {
        using var stream = typeof(CalendarCsv).Assembly.GetManifestResourceStream("PartyAffairs.App.Data.Seed.cn-calendar-2026.csv")
            ?? throw new InvalidOperationException("The bundled calendar is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
