namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the security guard rails: sign-in throttling, refused circuits (SecurityStrings.resx is Chinese, .en.resx English).</summary>
public sealed class SecurityStrings;
