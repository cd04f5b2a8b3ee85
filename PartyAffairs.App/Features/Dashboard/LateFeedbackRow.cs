using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Dashboard;

public sealed record LateFeedbackRow(int Id, int DisclosureId, string DisclosureTitle, string OrganizationName, FeedbackState State, DateTime StepDueAtUtc);
