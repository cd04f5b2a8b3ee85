using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>One piece of feedback as its handlers (and the leader it is reported to) read it, with its trail and what they may do next.</summary>
public sealed record FeedbackDetail(
    int Id,
    int Version,
    int? DisclosureId,
    string? DisclosureTitle,
    string OrganizationName,
    FeedbackState State,
    FeedbackChannel Channel,
    string Content,
    bool IsAnonymous,
    string? SenderName,
    string? SenderContact,
    DateTime ReceivedAtUtc,
    string? AssigneeName,
    string? Answer,
    string? ReportedTo,
    string? Resolution,
    string? PublicSummary,
    bool IsAbusive,
    int? RedisclosureId,
    DateTime? StepDueAtUtc,
    bool IsLate,
    IReadOnlyList<AuditRow> Trail,
    FeedbackActions Can,
    IReadOnlyList<PersonOption> Assignees,
    IReadOnlyList<PersonOption> Leaders,
    FeedbackKind? Kind = null,
    string? SenderReply = null,
    DateTime? SenderRepliedAtUtc = null);
