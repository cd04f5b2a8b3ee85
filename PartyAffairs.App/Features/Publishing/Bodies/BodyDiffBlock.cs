namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// One block of a body diff. <see cref="Level"/> is the heading level (2, 3) or the list depth (1 for a top-level item).
/// Text blocks carry <see cref="Text"/>; a table carries <see cref="Rows"/>.
/// </summary>
public sealed record BodyDiffBlock(BodyChange Kind, BodyBlockKind Type, int Level, IReadOnlyList<DiffSpan> Text, IReadOnlyList<RowDiff> Rows);
