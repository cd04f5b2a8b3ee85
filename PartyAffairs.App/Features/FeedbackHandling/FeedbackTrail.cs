using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// The steps of a feedback its sender sees dated (on /track and 我的反馈): read from the audit, never its notes; a
/// re-disclosure or a reply is shown in its own way.
/// </summary>
public static class FeedbackTrail
{
    public static readonly WorkflowAction[] ShownSteps =
    [
        WorkflowAction.Receive, WorkflowAction.Assign, WorkflowAction.Answer, WorkflowAction.Report, WorkflowAction.Acknowledge,
        WorkflowAction.DiscloseResult, WorkflowAction.Close,
    ];

    /// <summary>The shown steps of each of <paramref name="feedbackIds"/>, oldest first, in one query.</summary>
    public static async Task<ILookup<int, FeedbackTrackStep>> ForAsync(AppDbContext db, IReadOnlyCollection<int> feedbackIds,
        CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Feedback) && feedbackIds.Contains(a.EntityId) && ShownSteps.Contains(a.Action))
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.EntityId, Step = new FeedbackTrackStep(a.Action, a.AtUtc) })
            .ToListAsync(cancellationToken);
        return entries.ToLookup(e => e.EntityId, e => e.Step);
    }
}
