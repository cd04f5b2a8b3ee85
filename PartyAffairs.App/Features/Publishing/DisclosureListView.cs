using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing;

public sealed record DisclosureListView(IReadOnlyList<DisclosureRow> Rows, IReadOnlyList<OrganizationOption> Organizations);
