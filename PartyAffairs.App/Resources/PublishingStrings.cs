namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of attachments, withdrawal and re-disclosure (PublishingStrings.resx is Chinese, PublishingStrings.en.resx English).</summary>
public sealed class PublishingStrings;
