namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed record AssignFeedbackRequest(int FeedbackId, int ExpectedVersion, string AssigneeId);
