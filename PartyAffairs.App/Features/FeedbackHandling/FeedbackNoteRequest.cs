namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>A step that needs no more than an optional note: acknowledging a report, closing.</summary>
public sealed record FeedbackNoteRequest(int FeedbackId, int ExpectedVersion, string? Note);
