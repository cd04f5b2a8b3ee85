namespace PartyAffairs.App.Features.MyWork;

/// <summary>What waits for a Secretary or Drafter: drafts, returned items, and their organization's due occurrences.</summary>
public sealed record MyWorkView(
    IReadOnlyList<MyDisclosureRow> Drafts,
    IReadOnlyList<MyDisclosureRow> Returned,
    IReadOnlyList<MyOccurrenceRow> Due);
