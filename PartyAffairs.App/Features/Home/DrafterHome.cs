namespace PartyAffairs.App.Features.Home;

/// <summary>A drafter's own drafts, what came back rejected and why, and what their organization must publish soon.</summary>
public sealed record DrafterHome(
    CountedList<DisclosureLine> Drafts,
    CountedList<DisclosureLine> Rejected,
    CountedList<OccurrenceDue> DueSoon);
