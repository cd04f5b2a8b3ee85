namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>An organization a member line may name, by name or by code; only an active one takes members.</summary>
public sealed record MemberOrganization(int Id, string Name, string Code, bool IsActive);
