using System.Globalization;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Components;

/// <summary>Stored UTC times as the bureau reads them, in one format across the pages.</summary>
public static class TimeFormat
{
    public static string Minute(this BureauClock clock, DateTime utc) =>
        clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Minute(this BureauClock clock, DateTime? utc) => utc is { } value ? clock.Minute(value) : "";

    public static string Day(this DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
