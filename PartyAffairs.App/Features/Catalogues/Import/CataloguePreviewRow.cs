namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>A line of the file as read, and as an item when every cell of it is valid.</summary>
public sealed record CataloguePreviewRow(CatalogueCells Cells, CatalogueRow? Row)
{
    public int RowNumber => Cells.RowNumber;
    public bool IsValid => Row is not null;

    /// <summary>The category as the bureau names it (a file may give 1–8); the cell as written when the line does not read.</summary>
    public string CategoryName => Row is { } row ? CatalogueFormat.NameOf(row.Category) : Cells.Category;
}
