using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed record FeedbackListView(IReadOnlyList<FeedbackRow> Rows, IReadOnlyList<OrganizationOption> Organizations);
