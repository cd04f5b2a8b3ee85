namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of creating, exporting and printing a year's catalogue (CatalogueImportStrings.resx is Chinese, .en.resx English).</summary>
public sealed class CatalogueImportStrings;
