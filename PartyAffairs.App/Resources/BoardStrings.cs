namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the public board (BoardStrings.resx is Chinese, BoardStrings.en.resx English).</summary>
public sealed class BoardStrings;
