using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Hosting.Seeding;

/// <summary>
/// The moment the demo is seeded and wall-clock times around it in the bureau's zone, so every seeded date
/// is relative to the day the app first starts, in any year.
/// </summary>
internal sealed class DemoTimeline(BureauClock clock)
{
    public DateTime Now { get; } = clock.UtcNow;

    public DateOnly Today { get; } = clock.Today;

    public int Year => Today.Year;

    /// <summary>A bureau wall-clock time on a given day, as UTC.</summary>
    public DateTime At(DateOnly day, int hour, int minute = 0) => clock.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)));

    /// <summary>A bureau wall-clock time some whole days before today (so always in the past for days ≥ 1).</summary>
    public DateTime DaysAgo(int days, int hour, int minute = 0) => At(Today.AddDays(-days), hour, minute);

    /// <summary>A bureau wall-clock time some whole days after today (so always in the future for days ≥ 1).</summary>
    public DateTime DaysAhead(int days, int hour, int minute = 0) => At(Today.AddDays(days), hour, minute);

    public DateTime EndOfDay(DateOnly day) => clock.EndOfDayUtc(day);

    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));

    public TimeZoneInfo Zone => clock.Zone;
}
