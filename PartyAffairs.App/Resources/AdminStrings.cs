namespace PartyAffairs.App.Resources;

/// <summary>Marker for the Admin pages' strings (AdminStrings.resx is Chinese, the neutral language; AdminStrings.en.resx English).</summary>
public sealed class AdminStrings;
