namespace PartyAffairs.App.Domain;

/// <summary>
/// When the whole archive is verified unasked: each night at 02:00 bureau time, when nobody is archiving. A night's run that
/// did not happen (the node holding the jobs died at 02:00, in the middle of it, or the app was down then) is made up at once
/// by whoever starts the jobs later that night, until 06:00; after that the day's work has begun and it waits for the next night.
/// </summary>
public static class ArchiveVerificationSchedule
{
    public static readonly TimeOnly At = new(2, 0);

    public static readonly TimeOnly NightEnds = new(6, 0);

    /// <summary>The next 02:00 after <paramref name="nowLocal"/> (bureau time).</summary>
    public static DateTime NextRun(DateTime nowLocal)
    {
        var today = nowLocal.Date + At.ToTimeSpan();
        return today > nowLocal ? today : today.AddDays(1);
    }

    /// <summary>
    /// The 02:00 whose run is to be made up now, when <paramref name="nowLocal"/> falls in that night and no nightly run has
    /// started since (<paramref name="lastNightlyStartLocal"/>); otherwise null.
    /// </summary>
    public static DateTime? MissedRun(DateTime nowLocal, DateTime? lastNightlyStartLocal)
    {
        var time = TimeOnly.FromDateTime(nowLocal);
        if (time < At || time >= NightEnds) return null;
        var tonight = nowLocal.Date + At.ToTimeSpan();
        return lastNightlyStartLocal >= tonight ? null : tonight;
    }
}
