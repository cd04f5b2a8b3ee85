namespace PartyAffairs.App.Features.Admin.LeadingGroup;

/// <summary>An account a seat may be linked to, with its roles so the dialog can suggest the one the seat calls for.</summary>
public sealed record AccountOption(string Id, string Name, IReadOnlyList<string> Roles);
