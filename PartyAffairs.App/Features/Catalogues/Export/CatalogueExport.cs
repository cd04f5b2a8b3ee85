using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Export;

/// <summary>A year's catalogue for a file or the bulletin board: its title and state, and its items in the bureau's order.</summary>
public sealed record CatalogueExport(int Year, string Title, CatalogueState State, IReadOnlyList<CatalogueExportLine> Lines);
