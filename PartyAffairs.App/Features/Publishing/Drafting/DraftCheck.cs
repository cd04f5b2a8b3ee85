namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// The pre-submission checks as the person reads them: the rule problems of <c>Disclosure.SubmissionProblems</c> (codes and
/// messages, in the same order), every sensitive word found, those of them no reviewer has let through yet (which block
/// submission), and the sentence that names them. <see cref="RecheckAtUtc"/>: when the clock alone will change the answer
/// (a start that is fine now falls into the past), so the page asks again then instead of showing a stale 检查通过.
/// </summary>
public sealed record DraftCheck(
    IReadOnlyList<string> ProblemCodes,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> SensitiveHits,
    IReadOnlyList<string> BlockingHits,
    string? SensitiveMessage,
    DateTime? RecheckAtUtc)
{
    public bool CanSubmit => Problems.Count == 0 && BlockingHits.Count == 0;
}
