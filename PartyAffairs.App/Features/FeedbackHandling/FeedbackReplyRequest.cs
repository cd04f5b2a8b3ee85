namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>The handler's reply to the sender, shown only on /track to whoever holds the feedback's 查询码.</summary>
public sealed record FeedbackReplyRequest(int FeedbackId, int ExpectedVersion, string Reply);
