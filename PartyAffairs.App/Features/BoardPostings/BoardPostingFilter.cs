namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>The list's filter: an organization and a quarter (both optional).</summary>
public sealed record BoardPostingFilter(int? OrganizationId = null, int? Year = null, int? Quarter = null);
