namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed record AnswerFeedbackRequest(int FeedbackId, int ExpectedVersion, string Answer);
