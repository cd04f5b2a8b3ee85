using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>One account of the exported member list, in the import's own columns plus its state.</summary>
public sealed record MemberExportLine(string DisplayName, string UserName, string? Organization, IReadOnlyList<string> Roles, string? Phone,
    MemberCategory? Category, bool Disabled);
