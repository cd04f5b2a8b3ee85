namespace PartyAffairs.App.Features.Shared;

/// <summary>An organization as a filter or a row heading shows it.</summary>
public sealed record OrganizationOption(int Id, string Name);
