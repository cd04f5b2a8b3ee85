namespace PartyAffairs.App.Domain;

/// <summary>
/// What <see cref="BoardPostingRules"/> needs to know of a disclosure a board posting claims to carry: whose it is, its
/// channels, and what it actually displayed (<see cref="StandingRules.Displayed(Disclosure)"/>).
/// </summary>
public sealed record PostableItem(int DisclosureId, int OrganizationId, Channel Channels, (DateTime FromUtc, DateTime UntilUtc)? Displayed)
{
    public static PostableItem Of(Disclosure d) => new(d.Id, d.OrganizationId, d.Channels, StandingRules.Displayed(d));
}
