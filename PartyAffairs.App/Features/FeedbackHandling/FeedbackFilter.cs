using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>What the feedback list narrows by: a state, an organization, or only what is past its step deadline.</summary>
public sealed record FeedbackFilter(FeedbackState? State = null, int? OrganizationId = null, bool LateOnly = false);
