using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>One page of the register: <see cref="Total"/> counts every record the filters match.</summary>
public sealed record ArchiveListView(IReadOnlyList<ArchiveRow> Rows, int Total, IReadOnlyList<int> Years, OrganizationScope Organizations);
