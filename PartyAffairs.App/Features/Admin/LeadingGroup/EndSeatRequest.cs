namespace PartyAffairs.App.Features.Admin.LeadingGroup;

/// <summary>Ends a seat: its last day held and, optionally, why (换届, 调离…).</summary>
public sealed class EndSeatRequest
{
    public DateTime? LastDay { get; set; }
    public string? Reason { get; set; }
}
