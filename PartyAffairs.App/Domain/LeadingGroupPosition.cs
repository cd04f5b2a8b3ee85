namespace PartyAffairs.App.Domain;

/// <summary>Seats in the leading group and its office as §6(一) composes them. Stored as numbers: append, never renumber.</summary>
public enum LeadingGroupPosition
{
    Leader = 0,
    DeputyLeader = 1,
    Member = 2,
    OfficeDirector = 3,
    OfficeDeputyDirector = 4,
    OfficeMember = 5,
}
