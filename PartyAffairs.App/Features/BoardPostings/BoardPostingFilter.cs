namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>The list's filter: an organization and a quarter (both optional); then one page of what they match, newest first.</summary>
public sealed record BoardPostingFilter(int? OrganizationId = null, int? Year = null, int? Quarter = null, int Page = 0, int PageSize = 25);
