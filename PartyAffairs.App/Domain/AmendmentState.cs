namespace PartyAffairs.App.Domain;

public enum AmendmentState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    /// <summary>A draft the Office dropped; kept, with its audit trail, so the catalogue's history shows it.</summary>
    Discarded = 3,
}
