namespace PartyAffairs.App.Features.Home;

/// <summary>The size of what the administrator looks after.</summary>
public sealed record AdminHome(int Users, int ActiveOrganizations);
