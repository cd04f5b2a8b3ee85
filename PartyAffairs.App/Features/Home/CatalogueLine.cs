namespace PartyAffairs.App.Features.Home;

/// <summary>A catalogue waiting for a decision.</summary>
public sealed record CatalogueLine(int Id, int Year, string Title);
