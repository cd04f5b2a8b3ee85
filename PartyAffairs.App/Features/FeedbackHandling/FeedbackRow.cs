using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>One piece of feedback in the list; <see cref="IsLate"/> means its current step is past its deadline.</summary>
/// <see cref="DisclosureId"/> is null for mailbox feedback, which has its <see cref="Kind"/> instead.
public sealed record FeedbackRow(int Id, int? DisclosureId, string? DisclosureTitle, string OrganizationName, FeedbackState State,
    FeedbackChannel Channel, DateTime ReceivedAtUtc, DateTime? StepDueAtUtc, bool IsLate, FeedbackKind? Kind = null);
