namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>The report to the leader in charge: the result to disclose and, optionally, an anonymised summary of what was asked.</summary>
public sealed record ReportFeedbackRequest(int FeedbackId, int ExpectedVersion, string LeaderId, string Resolution, string? PublicSummary);
