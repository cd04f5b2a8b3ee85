namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the <c>generate-load</c> verb (LoadStrings.resx is Chinese, LoadStrings.en.resx English).</summary>
public sealed class LoadStrings;
