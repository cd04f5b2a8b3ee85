namespace PartyAffairs.App.Domain;

/// <summary>Who may see a disclosure (公开范围). Ordered from narrowest to widest.</summary>
public enum Audience
{
    Organization = 0,
    AllMembers = 1,
    Public = 2,
}
