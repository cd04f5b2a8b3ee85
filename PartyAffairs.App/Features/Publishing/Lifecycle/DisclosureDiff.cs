namespace PartyAffairs.App.Features.Publishing.Lifecycle;

/// <summary>What a re-disclosure changed against the disclosure it revises, line by line.</summary>
public sealed record DisclosureDiff(int PreviousId, IReadOnlyList<DiffLine> Title, IReadOnlyList<DiffLine> Body)
{
    public bool HasChanges => Title.Concat(Body).Any(l => l.Kind != DiffPlex.DiffBuilder.Model.ChangeType.Unchanged);
}
