using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.LeadingGroup;

/// <summary>One seat as the leading-group page lists it, with the holder's account (if linked) and whether it is held today.</summary>
public sealed record SeatRow(int Id, string PersonName, string Post, LeadingGroupPosition Position, string? UserId, string? UserName,
    int SortOrder, DateOnly ValidFrom, DateOnly? ValidUntil, bool IsCurrent, int Version);
