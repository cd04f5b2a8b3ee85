using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Organizations;

/// <summary>A seat of the leading group (§6(一)) and the user who holds it, if one does.</summary>
public sealed record LeadingGroupSeat(string PersonName, string Post, LeadingGroupPosition Position, string? UserName);
