using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Feedback;

public sealed record FeedbackListView(IReadOnlyList<FeedbackRow> Rows, IReadOnlyList<OrganizationOption> Organizations);
