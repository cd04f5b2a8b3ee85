namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>Feedback given on the board's form; the name and contact are dropped when it is anonymous.</summary>
public sealed record FeedbackSubmission(int DisclosureId, string Content, bool Anonymous, string? Name, string? Contact);
