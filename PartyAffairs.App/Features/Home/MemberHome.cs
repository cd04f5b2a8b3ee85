namespace PartyAffairs.App.Features.Home;

/// <summary>What is on display that this member may read.</summary>
public sealed record MemberHome(CountedList<DisclosureLine> OnDisplay);
