namespace PartyAffairs.App.Features.Inspections;

/// <summary>A person of the inspected organization who may own a rectification.</summary>
public sealed record OwnerOption(string Id, string DisplayName);
