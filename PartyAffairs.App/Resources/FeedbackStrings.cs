namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of feedback in and feedback handled (FeedbackStrings.resx is Chinese, FeedbackStrings.en.resx English).</summary>
public sealed class FeedbackStrings;
