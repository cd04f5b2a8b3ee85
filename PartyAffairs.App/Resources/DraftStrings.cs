namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the drafting page and service (DraftStrings.resx is Chinese, DraftStrings.en.resx English).</summary>
public sealed class DraftStrings;
