namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>What an import would save: every line of the file, and every problem found; it saves only when there are none.</summary>
public sealed record CatalogueImportPreview(string FileName, IReadOnlyList<CataloguePreviewRow> Rows, IReadOnlyList<CatalogueImportError> Errors)
{
    public bool CanImport => Errors.Count == 0 && Rows.Count > 0;

    public IReadOnlyList<CatalogueRow> ValidRows => Rows.Where(r => r.Row is not null).Select(r => r.Row!).ToList();
}
