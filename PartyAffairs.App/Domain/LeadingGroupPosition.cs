namespace PartyAffairs.App.Domain;

/// <summary>Seats in the leading group as §6(一) composes it.</summary>
public enum LeadingGroupPosition
{
    Leader = 0,
    DeputyLeader = 1,
    Member = 2,
    OfficeDirector = 3,
}
