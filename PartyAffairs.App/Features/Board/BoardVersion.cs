using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Publishing.Lifecycle;

namespace PartyAffairs.App.Features.Board;

/// <summary>One submitted version of the item, with what it changed against the version before it (none for the first).</summary>
public sealed record BoardVersion(int Number, DateTime CreatedAtUtc, IReadOnlyList<DiffLine> TitleChanges, BodyDiff BodyChanges)
{
    public bool HasChanges => TitleChanges.Any(l => l.Kind != DiffPlex.DiffBuilder.Model.ChangeType.Unchanged) || BodyChanges.HasChanges;
}
