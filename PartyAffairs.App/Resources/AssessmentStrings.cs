namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of assessment, inspections and the annual report (AssessmentStrings.resx is Chinese, AssessmentStrings.en.resx English).</summary>
public sealed class AssessmentStrings;
