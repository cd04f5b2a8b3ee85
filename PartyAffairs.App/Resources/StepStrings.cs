namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the workflow-step pages, the dashboard and the enum labels (StepStrings.resx is Chinese, StepStrings.en.resx English).</summary>
public sealed class StepStrings;
