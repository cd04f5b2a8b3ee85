namespace PartyAffairs.App.Domain;

/// <summary>
/// A standing (长期公开) line is an obligation to have an item of it on display all through the catalogue's year, from its
/// due date (the standing working days after the catalogue came into force) on. Stated once for the dashboard, the assessment
/// and the home pages.
/// </summary>
public static class StandingRules
{
    /// <summary>
    /// What a disclosure actually displayed: from its publication to the first of its closing and its withdrawal, or, still
    /// published, to the end of its display period. A correction closes the version it replaces at its own publication, so a
    /// chain's displays join without a hole. Never published: nothing.
    /// </summary>
    public static (DateTime FromUtc, DateTime UntilUtc)? Displayed(DisclosureState state, DateTime? publishedAtUtc, DateTime? closedAtUtc,
        DateTime? withdrawnAtUtc, DateTime displayUntilUtc)
    {
        if (publishedAtUtc is not { } from) return null;
        var off = closedAtUtc is { } closed && withdrawnAtUtc is { } withdrawn ? (closed < withdrawn ? closed : withdrawn) : closedAtUtc ?? withdrawnAtUtc;
        DateTime until;
        if (off is { } o) until = o;
        else if (state == DisclosureState.Published) until = displayUntilUtc;
        else return null;
        return until > from ? (from, until) : null;
    }

    public static (DateTime FromUtc, DateTime UntilUtc)? Displayed(Disclosure d) =>
        Displayed(d.State, d.PublishedAtUtc, d.ClosedAtUtc, d.WithdrawnAtUtc, d.DisplayUntilUtc);

    /// <summary>
    /// The bureau days (in <paramref name="zone"/>) of a standing line that are gaps, between <paramref name="from"/> and
    /// <paramref name="to"/> inclusive: a day after <paramref name="dueDate"/> (the due date itself is still in time) on which
    /// no item of the line was on display at any moment. A day with an item up for part of it is not a gap; the next day
    /// without one is. Evaluate up to today and the end of the catalogue's year (the caller clips).
    /// </summary>
    public static IEnumerable<DateOnly> GapDays(DateOnly dueDate, DateOnly from, DateOnly to, TimeZoneInfo zone,
        IEnumerable<(DateTime FromUtc, DateTime UntilUtc)> displays)
    {
        var first = dueDate.AddDays(1) > from ? dueDate.AddDays(1) : from;
        var intervals = displays.Where(i => i.UntilUtc > i.FromUtc).OrderBy(i => i.FromUtc).ToList();
        for (var day = first; day <= to; day = day.AddDays(1))
        {
            var start = StartOfDayUtc(day, zone);
            var end = StartOfDayUtc(day.AddDays(1), zone);
            if (!intervals.Any(i => i.FromUtc < end && i.UntilUtc > start)) yield return day;
        }
    }

    public static int CountGapDays(DateOnly dueDate, DateOnly from, DateOnly to, TimeZoneInfo zone,
        IEnumerable<(DateTime FromUtc, DateTime UntilUtc)> displays) => GapDays(dueDate, from, to, zone, displays).Count();

    private static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
}
