namespace PartyAffairs.App.Features.Home;

/// <summary>What the leading group decides on and watches.</summary>
public sealed record LeaderHome(IReadOnlyList<CatalogueLine> CataloguesAwaitingApproval, int OnDisplay, int LateFeedback);
