namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>What a sender gets back: the feedback's id and its 查询码 in clear, the only time the code exists outside her hands.</summary>
public sealed record FeedbackReceipt(int Id, string TrackingCode);
