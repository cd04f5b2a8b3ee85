using Microsoft.Extensions.Options;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Now and today as the bureau means them. Times are stored in UTC; a "day" or a deadline is the
/// bureau's day in its own time zone. Built on the injected <see cref="TimeProvider"/> so tests set the clock.
/// </summary>
public sealed class BureauClock(TimeProvider time, IOptions<BureauOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time in the bureau's zone, as UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The first instant of the bureau's day, as UTC.</summary>
    public DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The last instant of the bureau's day, as UTC: a deadline "on" a day lasts until its end. The last microsecond, not the
    /// last tick: PostgreSQL keeps microseconds, and a deadline of 23:59:59.9999999 would be stored as the next midnight.
    /// </summary>
    public DateTime EndOfDayUtc(DateOnly day) => StartOfDayUtc(day.AddDays(1)).AddTicks(-TimeSpan.TicksPerMicrosecond);
}
