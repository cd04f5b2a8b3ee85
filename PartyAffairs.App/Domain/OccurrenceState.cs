namespace PartyAffairs.App.Domain;

public enum OccurrenceState
{
    Open = 0,
    Fulfilled = 1,
    /// <summary>No longer due: its item was retired by an amendment.</summary>
    Cancelled = 2,
}
