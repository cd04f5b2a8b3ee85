namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// The pre-submission checks as the person reads them: rule problems, every sensitive word found, and
/// those of them no reviewer has let through yet (which block submission).
/// </summary>
public sealed record DraftCheck(IReadOnlyList<string> Problems, IReadOnlyList<string> SensitiveHits, IReadOnlyList<string> BlockingHits)
{
    public bool CanSubmit => Problems.Count == 0 && BlockingHits.Count == 0;
}
