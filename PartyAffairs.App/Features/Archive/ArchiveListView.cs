using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

public sealed record ArchiveListView(IReadOnlyList<ArchiveRow> Rows, IReadOnlyList<int> Years, IReadOnlyList<OrganizationOption> Organizations);
