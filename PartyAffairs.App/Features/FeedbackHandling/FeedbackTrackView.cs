using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// What /track shows whoever holds a feedback's 查询码: its state, when each step was taken, the result once disclosed and
/// the handler's reply. Never the sender, the handlers' names or the internal answer.
/// </summary>
public sealed record FeedbackTrackView(FeedbackState State, FeedbackKind? Kind, string? ItemTitle, DateTime ReceivedAtUtc,
    IReadOnlyList<FeedbackTrackStep> Steps, string? Result, string? Reply, DateTime? RepliedAtUtc, bool IsLate);

public sealed record FeedbackTrackStep(WorkflowAction Action, DateTime AtUtc);
