namespace PartyAffairs.App.Domain;

/// <summary>Why a disclosure must be approved by the leading-group office rather than its organization's Secretary.</summary>
public enum ReviewReason
{
    /// <summary>It fulfils no catalogue line and carries a written reason (§5(二)2).</summary>
    OutOfCatalogue = 1,
    /// <summary>Its line is a catch-all (category 8 其他事项, or marked so by the Office): the catalogue does not say what it is.</summary>
    CatchAllLine = 2,
    /// <summary>Its audience is narrower than its catalogue line's.</summary>
    NarrowedAudience = 3,
    /// <summary>It leaves out a channel its catalogue line promises.</summary>
    DroppedChannel = 4,
    /// <summary>The setting sends every disclosure to the Office.</summary>
    OfficeApprovesEverything = 5,
}
