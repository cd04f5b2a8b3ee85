using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// Who reads a piece of feedback — its text and its sender stay private (<see cref="AccessPolicy.ReadsFeedback"/>), and only
/// while they may read its item (the one audience rule). Anyone else is told it does not exist.
/// </summary>
public static class FeedbackAccess
{
    public static async Task<bool> MayReadAsync(AppDbContext db, Actor actor, Feedback feedback, CancellationToken cancellationToken) =>
        feedback.IsMailbox
            ? HandlesMailbox(actor) || (IsReportedTo(actor, feedback))
            : AccessPolicy.ReadsFeedback(actor, feedback.OrganizationId, feedback.ReportedToId)
              && await db.Disclosures.Where(AccessPolicy.Sees(actor)).AnyAsync(d => d.Id == feedback.DisclosureId, cancellationToken);

    /// <summary>Mailbox feedback (about no one item) is handled by the Office and the designated feedback handlers only.</summary>
    public static bool HandlesMailbox(Actor actor) => actor.IsAuthenticated && actor.IsInAnyRole(Roles.Office, Roles.FeedbackHandler);

    /// <summary>Who takes the handler's steps on this piece of feedback.</summary>
    public static bool Handles(Actor actor, Feedback feedback) =>
        feedback.IsMailbox ? HandlesMailbox(actor) : AccessPolicy.CanHandleFeedback(actor, feedback.OrganizationId);

    /// <summary>
    /// The person the feedback was reported to. Only <see cref="LeadersAsync"/> may receive a report (a Leader, or a current seat
    /// holder of the leading group, whatever her roles), so being named is what counts.
    /// </summary>
    public static bool IsReportedTo(Actor actor, Feedback feedback) =>
        actor.IsAuthenticated && feedback.ReportedToId is not null && feedback.ReportedToId == actor.UserId;

    public static FeedbackActions ActionsFor(Actor actor, Feedback feedback)
    {
        var handles = Handles(actor, feedback) && !feedback.IsAbusive;
        return new FeedbackActions(
            Assign: handles && feedback.CanMoveTo(FeedbackState.Assigned),
            Answer: handles && feedback.CanMoveTo(FeedbackState.Answered),
            Report: handles && feedback.CanMoveTo(FeedbackState.Reported),
            Acknowledge: IsReportedTo(actor, feedback) && feedback.CanMoveTo(FeedbackState.ResultDisclosed),
            Close: handles && feedback.CanMoveTo(FeedbackState.Closed),
            MarkAbusive: handles && feedback.State != FeedbackState.Closed,
            Reply: handles,
            StartRedisclosure: handles && !feedback.IsMailbox
                && feedback.State >= FeedbackState.Answered && feedback.RedisclosureId is null);
    }

    /// <summary>Everyone who may handle feedback of the organization: the Office, the designated handlers, its own Secretaries.</summary>
    public static Task<List<PersonOption>> AssigneesAsync(AppDbContext db, int organizationId, CancellationToken cancellationToken) =>
        PeopleAsync(db.Users.Where(u => PostHolders.Of(db, Roles.Office, null)
            .Union(PostHolders.Of(db, Roles.FeedbackHandler, null))
            .Union(PostHolders.Of(db, Roles.Secretary, organizationId))
            .Contains(u.Id)), cancellationToken);

    /// <summary>
    /// Who may receive a report: accounts with the Leader role, and the account of anyone holding a seat of the leading group
    /// itself (组长, 副组长, 成员) on <paramref name="today"/> — e.g. a deputy who holds only the Office role.
    /// </summary>
    public static Task<List<PersonOption>> LeadersAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        PeopleAsync((from u in db.Users
                     join ur in db.UserRoles on u.Id equals ur.UserId
                     join r in db.Roles on ur.RoleId equals r.Id
                     where r.Name == Roles.Leader
                     select u)
                    .Union(from m in db.LeadingGroupMembers.Where(LeadingGroupMember.CurrentOn(today))
                           where m.Position == LeadingGroupPosition.Leader || m.Position == LeadingGroupPosition.DeputyLeader
                                 || m.Position == LeadingGroupPosition.Member
                           join u in db.Users on m.UserId equals u.Id
                           where !u.Disabled
                           select u), cancellationToken);

    private static async Task<List<PersonOption>> PeopleAsync(IQueryable<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var found = await users.Select(u => new { u.Id, u.DisplayName, u.UserName }).Distinct().ToListAsync(cancellationToken);
        return found.Select(u => new PersonOption(u.Id, string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }
}
