namespace PartyAffairs.App.Features.Home;

/// <summary>What waits for the leading-group office across the bureau.</summary>
public sealed record OfficeHome(
    CountedList<DisclosureLine> AwaitingApproval,
    bool OfficeApprovesEverything,
    IReadOnlyList<CatalogueLine> CataloguesAwaitingApproval,
    int OverdueOccurrences,
    int LateFeedback);
