namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>
/// What an import would save: every line of the file, and every problem found; it saves only when there are none.
/// <paramref name="ExistingState"/> is the state of the catalogue the year already has, if any: a draft may be replaced, nothing else.
/// </summary>
public sealed record CatalogueImportPreview(string FileName, IReadOnlyList<CataloguePreviewRow> Rows, IReadOnlyList<CatalogueImportError> Errors,
    Domain.CatalogueState? ExistingState = null)
{
    /// <summary>The year already has a catalogue still in draft: importing replaces it, if the person says so.</summary>
    public bool ReplacesDraft => ExistingState == Domain.CatalogueState.Draft;

    /// <summary>The year already has a catalogue past draft: nothing can be imported for it.</summary>
    public bool YearTaken => ExistingState is { } state && state != Domain.CatalogueState.Draft;

    public bool CanImport => Errors.Count == 0 && Rows.Count > 0;

    public IReadOnlyList<CatalogueRow> ValidRows => Rows.Where(r => r.Row is not null).Select(r => r.Row!).ToList();
}
