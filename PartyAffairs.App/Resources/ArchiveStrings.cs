namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the archive register, verification, backup and the audit log (ArchiveStrings.resx is Chinese, ArchiveStrings.en.resx English).</summary>
public sealed class ArchiveStrings;
