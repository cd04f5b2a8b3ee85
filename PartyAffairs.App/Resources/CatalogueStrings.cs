namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of catalogue editing, approval, amendments and comparison (CatalogueStrings.resx is Chinese, CatalogueStrings.en.resx English).</summary>
public sealed class CatalogueStrings;
