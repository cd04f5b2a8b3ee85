using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>One page of the feedback list: <see cref="Total"/> counts everything the filters match.</summary>
public sealed record FeedbackListView(IReadOnlyList<FeedbackRow> Rows, int Total, OrganizationScope Organizations);
