using System.Globalization;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>Reads the holiday file format of shared/data (date,kind,name; kind is holiday or workday).</summary>
public static class CalendarCsv
{
    public static IReadOnlyList<CalendarDay> Parse(TextReader reader)
    {
        var days = new List<CalendarDay>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.StartsWith("date", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(',', 3);
            if (parts.Length < 3
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
            days.Add(new CalendarDay(date, kind, parts[2].Trim()));
        }
        return days;
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
