using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.LeadingGroup;

/// <summary>What the Admin or the Office enters to add a seat or correct one that still lasts.</summary>
public sealed class SeatRequest
{
    public string PersonName { get; set; } = "";
    public string Post { get; set; } = "";
    public LeadingGroupPosition Position { get; set; } = LeadingGroupPosition.Member;
    /// <summary>The holder's account, if she has one.</summary>
    public string? UserId { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The first day held (a date picker's value: only the date counts).</summary>
    public DateTime? ValidFrom { get; set; }
}
