namespace PartyAffairs.App.Features.Publishing;

/// <summary>One page of the disclosures list: <see cref="Total"/> counts everything the filters match.</summary>
public sealed record DisclosureListView(IReadOnlyList<DisclosureRow> Rows, int Total);
