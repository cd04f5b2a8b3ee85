using PartyAffairs.App.Features.Publishing.Lifecycle;

namespace PartyAffairs.App.Features.Board;

/// <summary>One submitted version of the item, with what it changed against the version before it (none for the first).</summary>
public sealed record BoardVersion(int Number, DateTime CreatedAtUtc, IReadOnlyList<DiffLine> TitleChanges, IReadOnlyList<DiffLine> BodyChanges)
{
    public bool HasChanges => TitleChanges.Concat(BodyChanges).Any(l => l.Kind != DiffPlex.DiffBuilder.Model.ChangeType.Unchanged);
}
