namespace PartyAffairs.App.Resources;

/// <summary>Marker for the shared strings (Strings.resx is Chinese, the neutral language; Strings.en.resx English).</summary>
public sealed class Strings;
