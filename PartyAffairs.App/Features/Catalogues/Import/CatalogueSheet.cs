namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>A file's header cells and its non-blank data lines (with their line numbers), before any meaning is given to them.</summary>
public sealed record CatalogueSheet(IReadOnlyList<string> Headers, IReadOnlyList<(int RowNumber, IReadOnlyList<string> Cells)> Rows);
