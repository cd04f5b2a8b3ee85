using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// Who may see a disclosure's files and its changes: once on display or closed, its audience; before that,
/// only those who may edit or review it.
/// </summary>
public static class DisclosureAccess
{
    public static bool MaySee(Actor actor, Disclosure disclosure, bool officeApprovesEverything) =>
        disclosure.State is DisclosureState.Published or DisclosureState.Closed
            ? AccessPolicy.CanRead(actor, disclosure.Audience, disclosure.OrganizationId)
            : AccessPolicy.CanDraftFor(actor, disclosure.OrganizationId)
              || AccessPolicy.CanReview(actor, disclosure.OrganizationId, disclosure.ReviewedAsInCatalogue, officeApprovesEverything);
}
