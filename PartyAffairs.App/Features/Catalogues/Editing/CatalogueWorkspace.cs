using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>
/// The catalogue as the editing page acts on it: the version to act on, the review comment, and its items in force
/// beside the city template's rows (null when it was not started from the template) so the page can compare them.
/// </summary>
public sealed record CatalogueWorkspace(int CatalogueId, int Version, CatalogueState State, string? ReviewComment,
    IReadOnlyList<CatalogueRow>? Template, IReadOnlyList<CatalogueRow> Current, string? SubmittedById = null);
