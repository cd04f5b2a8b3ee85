using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Applications;

/// <summary>
/// Who works on applications for disclosure: the Office registers, assigns, extends and answers any; the person it is
/// assigned to answers it; Leaders read them all (they supervise). Everyone else is told an application does not exist.
/// </summary>
public static class ApplicationAccess
{
    public static bool IsOffice(Actor actor) => actor.IsAuthenticated && actor.IsInRole(Roles.Office);

    public static bool Handles(Actor actor, DisclosureApplication application) =>
        IsOffice(actor) || (actor.IsAuthenticated && application.AssigneeId == actor.UserId);

    public static bool Reads(Actor actor, DisclosureApplication application) =>
        Handles(actor, application) || (actor.IsAuthenticated && actor.IsInRole(Roles.Leader));

    /// <summary>Whether the list is open to this person at all (what rows she gets is <see cref="Reads"/>, as a query).</summary>
    public static bool ListsAny(Actor actor) => actor.IsAuthenticated && actor.IsInAnyRole(Roles.Office, Roles.Leader, Roles.FeedbackHandler, Roles.Secretary);

    public static ApplicationActions ActionsFor(Actor actor, DisclosureApplication application)
    {
        var open = application.State != ApplicationState.Answered;
        return new ApplicationActions(
            Assign: open && IsOffice(actor),
            Extend: open && IsOffice(actor) && !application.IsExtended,
            Answer: open && Handles(actor, application));
    }
}

public sealed record ApplicationActions(bool Assign, bool Extend, bool Answer);
