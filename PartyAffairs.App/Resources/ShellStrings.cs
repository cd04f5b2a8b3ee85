namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the shell, the sign-in pages and the home page (ShellStrings.resx is Chinese, ShellStrings.en.resx English).</summary>
public sealed class ShellStrings;
