namespace PartyAffairs.App.Domain;

/// <summary>The three kinds of grassroots organization named in §4.</summary>
public enum OrganizationKind
{
    OrganPartyCommittee = 0,
    DisciplineCommittee = 1,
    Branch = 2,
}
