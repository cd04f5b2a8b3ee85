using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Amendments;

/// <summary>One proposed change as the reviewer compares it: the item in force (null when adding) and the proposal (null when retiring).</summary>
public sealed record AmendmentChangeView(int Id, AmendmentChangeKind Kind, int? ItemId, CatalogueRow? Before, CatalogueRow? After);
