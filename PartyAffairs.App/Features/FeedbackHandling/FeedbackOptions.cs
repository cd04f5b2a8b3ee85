namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>How many feedback posts one client address may send per window (root appsettings.json, section "Feedback").</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    public int PermitLimit { get; set; } = 5;

    public int WindowSeconds { get; set; } = 60;
}
