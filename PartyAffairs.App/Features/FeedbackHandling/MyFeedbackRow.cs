using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// One feedback as its sender sees it on 我的反馈: what /track shows the holder of its code (its steps, the reply to her,
/// the disclosed result), plus the item it was about. Never the internal answer or who handled it.
/// </summary>
public sealed record MyFeedbackRow(int Id, int? DisclosureId, string? ItemTitle, FeedbackKind? Kind, DateTime ReceivedAtUtc,
    FeedbackState State, bool IsLate, IReadOnlyList<FeedbackTrackStep> Steps, string? Reply, DateTime? RepliedAtUtc, string? Result,
    int? RedisclosureId);
