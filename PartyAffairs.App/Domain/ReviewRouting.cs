namespace PartyAffairs.App.Domain;

/// <summary>
/// Who reviews one disclosure and why (<see cref="ReviewRoute.For"/>): its organization's Secretary (or the Office),
/// or the Office only, with the reasons and, for a catalogue item, its line's audience and channels to compare with the draft's.
/// </summary>
public sealed record ReviewRouting(
    bool OfficeOnly,
    IReadOnlyList<ReviewReason> Reasons,
    Audience? LineAudience,
    Channel? LineChannels,
    Audience Audience,
    Channel Channels)
{
    /// <summary>The reasons of the gate itself, without the setting: these also forbid the author to approve her own item.</summary>
    public bool Gated => Reasons.Any(r => r != ReviewReason.OfficeApprovesEverything);

    /// <summary>The channels the line promises and the draft leaves out.</summary>
    public Channel DroppedChannels => LineChannels is { } line ? line & ~Channels : Channel.None;
}
