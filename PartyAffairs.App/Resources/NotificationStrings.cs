namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of notifications, the bell and the My work page (NotificationStrings.resx is Chinese, NotificationStrings.en.resx English).</summary>
public sealed class NotificationStrings;
