using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Amendments;

/// <summary>
/// One proposed change as the reviewer compares it: the item before (null when adding) and the proposal (null when retiring).
/// <paramref name="BeforeNotRecorded"/>: a change approved before the old values were kept; they are gone and not guessed.
/// </summary>
public sealed record AmendmentChangeView(int Id, AmendmentChangeKind Kind, int? ItemId, CatalogueRow? Before, CatalogueRow? After,
    bool BeforeNotRecorded = false);
