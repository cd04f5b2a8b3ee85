namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>One table row: added, removed, unchanged, or modified with its cells compared one by one.</summary>
public sealed record RowDiff(BodyChange Kind, IReadOnlyList<CellDiff> Cells);
