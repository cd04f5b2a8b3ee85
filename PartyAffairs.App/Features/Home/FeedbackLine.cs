using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Home;

/// <summary>A piece of feedback still being handled, with its current step's deadline in the bureau's time.</summary>
public sealed record FeedbackLine(int Id, string DisclosureTitle, string OrganizationName, FeedbackState State, DateTime? StepDueLocal, bool IsLate);
