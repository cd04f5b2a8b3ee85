namespace PartyAffairs.App.Features.Home;

/// <summary>What a branch secretary has to do in their own organization.</summary>
public sealed record SecretaryHome(
    CountedList<OccurrenceDue> DueSoon,
    CountedList<OccurrenceDue> Overdue,
    CountedList<DisclosureLine> Drafts,
    CountedList<DisclosureLine> AwaitingReview,
    bool OfficeApprovesEverything,
    int OpenFeedback,
    int LateFeedback);
