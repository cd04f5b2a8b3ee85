namespace PartyAffairs.App.Domain;

/// <summary>
/// How long a disclosure must actually be on display (§5(四)): an Important item at least a week (不少于一周), any other
/// item the bureau's setting (default one day). A catalogue occurrence counts as fulfilled only by an item that stayed up
/// that long from its actual publication; coming off display sooner (withdrawn, closed early) reopens it.
/// </summary>
public sealed record DisplayRules(TimeSpan OrdinaryMinimum)
{
    /// <summary>An important item displays at least a week (重要事项…不少于一周).</summary>
    public static readonly TimeSpan ImportantMinimum = TimeSpan.FromDays(7);

    public static readonly DisplayRules Default = new(TimeSpan.FromDays(1));

    public TimeSpan MinimumFor(bool important) => important ? ImportantMinimum : OrdinaryMinimum;

    /// <summary>Whether a display from <paramref name="fromUtc"/> (the publication that fulfilled the occurrence) to <paramref name="untilUtc"/> served the minimum.</summary>
    public bool Served(DateTime fromUtc, DateTime untilUtc, bool important) => untilUtc - fromUtc >= MinimumFor(important);
}
