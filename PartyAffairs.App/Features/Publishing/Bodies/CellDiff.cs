namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>One table cell compared by its position in the row: the text before and after (null where the cell did not exist).</summary>
public sealed record CellDiff(BodyChange Kind, string? Before, string? After);
