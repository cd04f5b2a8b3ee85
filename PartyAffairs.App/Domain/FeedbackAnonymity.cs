using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// The one redaction rule for anonymous feedback (匿名, issue 16). Anonymous feedback given online keeps no link to its
/// sender: its submission is recorded with no user id and the actor <see cref="ActorName"/>. Entries written before that
/// rule still name her; the audit log and the archive are append-only, so every page and export that shows them shows
/// the submission entry of anonymous online feedback as <see cref="ActorName"/> instead of the stored name.
/// </summary>
public static class FeedbackAnonymity
{
    public const string ActorName = "匿名";

    /// <summary>The audit verb of the entry a submission writes: the one whose actor is the sender.</summary>
    public const WorkflowAction SubmitAction = WorkflowAction.Receive;

    /// <summary>Who an anonymous sender is recorded as, signed in or not.</summary>
    public static readonly Actor Sender = new("", ActorName, null, new HashSet<string>());

    /// <summary>Whether feedback hides its sender: anonymous and given online (offline feedback was registered by the handler).</summary>
    public static bool HidesSender(bool isAnonymous, FeedbackChannel channel) => isAnonymous && channel == FeedbackChannel.Online;

    /// <summary>Whether an audit entry names the sender of feedback that hides her, given the ids of such feedback.</summary>
    public static bool Redacts(string entityType, WorkflowAction action, int entityId, IReadOnlySet<int> anonymousFeedbackIds) =>
        entityType == nameof(Feedback) && action == SubmitAction && anonymousFeedbackIds.Contains(entityId);

    /// <summary>The same rule as a query over the audit log, so filters and exports apply it in the database.</summary>
    public static Expression<Func<AuditEntry, bool>> Redacted(IQueryable<Feedback> feedback) =>
        a => a.EntityType == nameof(Feedback) && a.Action == SubmitAction
            && feedback.Any(f => f.Id == a.EntityId && f.IsAnonymous && f.Channel == FeedbackChannel.Online);

    /// <summary>The negation of <see cref="Redacted"/>, for a search by name that must not find the redacted entries.</summary>
    public static Expression<Func<AuditEntry, bool>> NotRedacted(IQueryable<Feedback> feedback) =>
        a => !(a.EntityType == nameof(Feedback) && a.Action == SubmitAction
            && feedback.Any(f => f.Id == a.EntityId && f.IsAnonymous && f.Channel == FeedbackChannel.Online));

    /// <summary>The actor name to show for an entry.</summary>
    public static string Shown(string actorName, bool redacted) => redacted ? ActorName : actorName;
}
