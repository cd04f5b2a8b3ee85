namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>One page of the signed-in person's own feedback and how many there are in all.</summary>
public sealed record MyFeedbackList(IReadOnlyList<MyFeedbackRow> Rows, int Total);
