using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;

namespace PartyAffairs.App.Features.Applications;

/// <summary>
/// What the applicant sees of her application, on /track by its code or on 我的反馈: state, dates, due date, and once
/// answered the outcome, the answer and the disclosure it points to — never who handled it or the Office's notes.
/// </summary>
public sealed record ApplicationTrackView(int Id, ApplicationState State, string OrganizationName, DateTime ReceivedAtUtc, DateOnly DueOn,
    bool IsExtended, bool IsLate, IReadOnlyList<FeedbackTrackStep> Steps, ApplicationOutcome? Outcome, string? Answer, string? Withheld,
    ApplicationRefusal? Refusal, string? RefusalText, ApplicationLink? Link);

/// <summary>
/// The disclosure an answer points to, once it is out: its title when it is Public, otherwise only that it was disclosed
/// within the Party (the holder of a code may be anyone; the link itself checks who opens it).
/// </summary>
public sealed record ApplicationLink(int DisclosureId, string? PublicTitle);

public static class ApplicationViews
{
    /// <summary>The steps whose dates the applicant sees.</summary>
    private static readonly WorkflowAction[] TrackedSteps = [WorkflowAction.Receive, WorkflowAction.Assign, WorkflowAction.ExtendDeadline, WorkflowAction.Answer];

    public static async Task<ApplicationTrackView> TrackAsync(AppDbContext db, int id, DateOnly today, CancellationToken cancellationToken)
    {
        var a = await db.Applications.AsNoTracking()
            .Select(x => new
            {
                x.Id, x.State, Organization = x.Organization!.Name, x.ReceivedAtUtc, x.DueOn, x.ExtendedFrom, x.Outcome, x.Answer, x.Withheld,
                x.Refusal, x.RefusalText, x.DisclosureId,
                Link = x.Disclosure == null ? null : new { x.Disclosure.State, x.Disclosure.Audience, x.Disclosure.Title },
            })
            .FirstAsync(x => x.Id == id, cancellationToken);
        var steps = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(DisclosureApplication) && e.EntityId == id && TrackedSteps.Contains(e.Action))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new FeedbackTrackStep(e.Action, e.AtUtc))
            .ToListAsync(cancellationToken);
        var link = a.Link is { State: DisclosureState.Published or DisclosureState.Closed } && a.DisclosureId is { } disclosureId
            ? new ApplicationLink(disclosureId, a.Link.Audience == Audience.Public ? a.Link.Title : null)
            : null;
        return new ApplicationTrackView(a.Id, a.State, a.Organization, a.ReceivedAtUtc, a.DueOn, a.ExtendedFrom is not null,
            ApplicationRules.IsLate(a.State, a.DueOn, today), steps, a.Outcome, a.Answer, a.Withheld, a.Refusal, a.RefusalText, link);
    }
}
