namespace PartyAffairs.App.Domain;

/// <summary>The eight kinds of content the source document lists in §5(一); numbered as there.</summary>
public enum Category
{
    ResolutionsAndExecution = 1,
    IdeologicalBuilding = 2,
    OrganizationalBuilding = 3,
    InstitutionalBuilding = 4,
    LeadershipBuilding = 5,
    ServiceToMembersAndMasses = 6,
    ConductAndIntegrity = 7,
    Other = 8,
}
