namespace PartyAffairs.App.Features.Catalogues.Export;

/// <summary>An item of an exported or printed catalogue: its plain row, and whether an amendment retired it.</summary>
public sealed record CatalogueExportLine(CatalogueRow Row, bool Retired);
