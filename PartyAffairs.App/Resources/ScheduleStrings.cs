namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the disclosure schedule (ScheduleStrings.resx is Chinese, ScheduleStrings.en.resx English).</summary>
public sealed class ScheduleStrings;
