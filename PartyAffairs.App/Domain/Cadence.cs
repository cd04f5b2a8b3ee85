namespace PartyAffairs.App.Domain;

/// <summary>公开时限 (§5(四)): regular work on a fixed rhythm, phased work phase by phase, immediate work as it happens.</summary>
public enum Cadence
{
    Monthly = 0,
    Quarterly = 1,
    HalfYearly = 2,
    Yearly = 3,
    Phased = 4,
    Immediate = 5,
}
