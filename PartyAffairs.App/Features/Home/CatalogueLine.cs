namespace PartyAffairs.App.Features.Home;

/// <summary>
/// A catalogue waiting for a decision, or an amendment of one (<see cref="AmendmentId"/> set, <see cref="Title"/> its reason):
/// both are the leading group's to approve, so both wait in the same list.
/// </summary>
public sealed record CatalogueLine(int Id, int Year, string Title, int? AmendmentId = null);
