namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>One data row of a template file as the text of its cells, keyed by column; <see cref="RowNumber"/> is the line a person sees in Excel (the header is line 1).</summary>
public sealed record CatalogueCells(
    int RowNumber,
    string Organization,
    string Category,
    string Title,
    string Description,
    string Channels,
    string Audience,
    string Cadence,
    string Standing,
    string Responsible,
    string Phases,
    string BodyTemplate = "")
{
    public static CatalogueCells From(int rowNumber, IReadOnlyDictionary<string, string> cells)
    {
        string Cell(string column) => cells.TryGetValue(column, out var value) ? value.Trim() : "";
        return new CatalogueCells(rowNumber, Cell(CatalogueFormat.Organization), Cell(CatalogueFormat.Category), Cell(CatalogueFormat.Title),
            Cell(CatalogueFormat.Description), Cell(CatalogueFormat.Channels), Cell(CatalogueFormat.Audience), Cell(CatalogueFormat.Cadence),
            Cell(CatalogueFormat.Standing), Cell(CatalogueFormat.Responsible), Cell(CatalogueFormat.Phases), Cell(CatalogueFormat.BodyTemplate));
    }
}
