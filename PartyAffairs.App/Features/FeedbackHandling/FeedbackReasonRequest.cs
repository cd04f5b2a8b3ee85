namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>A step that must say why: marking feedback abusive, starting a re-disclosure of its item.</summary>
public sealed record FeedbackReasonRequest(int FeedbackId, int ExpectedVersion, string Reason);
