using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Comparison;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>
/// The catalogue as the editing page acts on it: the version to act on, the review comment, and how many of its items in
/// force depart from the city template (null when it was not started from the template). It carries no lines: the grid
/// reads them a page at a time and the compare panel reads its bounded detail when opened (issue 21).
/// </summary>
public sealed record CatalogueWorkspace(int CatalogueId, int Version, CatalogueState State, string? ReviewComment,
    TemplateComparisonSummary? Template, string? SubmittedById = null);
