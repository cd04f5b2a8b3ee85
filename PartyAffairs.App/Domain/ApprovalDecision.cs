namespace PartyAffairs.App.Domain;

public enum ApprovalDecision
{
    Approved = 0,
    Rejected = 1,
    /// <summary>A reviewer let sensitive-word hits pass, with a reason.</summary>
    SensitiveWordsOverridden = 2,
}
