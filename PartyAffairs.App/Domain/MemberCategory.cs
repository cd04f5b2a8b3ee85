namespace PartyAffairs.App.Domain;

/// <summary>党员类别: a full member (正式党员) or one on probation (预备党员). Stored as numbers: append, never renumber.</summary>
public enum MemberCategory
{
    Full = 0,
    Probationary = 1,
}
