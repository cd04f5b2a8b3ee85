using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// Who may do what (DOMAIN.md "Permission rules"), in one place so no two services disagree.
/// Services call the <c>Ensure…</c> forms before they change anything; pages may use the <c>Can…</c>
/// forms to hide what a person cannot do, which is a courtesy, not the check.
/// </summary>
public static class AccessPolicy
{
    public static bool IsAdmin(Actor a) => a.IsInRole(Roles.Admin);

    /// <summary>Secretary and Drafter draft for their own organization; the Office drafts for any.</summary>
    public static bool CanDraftFor(Actor a, int organizationId) =>
        a.IsInRole(Roles.Office) || a.Holds(organizationId, Roles.Secretary, Roles.Drafter);

    public static bool CanEditCatalogue(Actor a) => a.IsInRole(Roles.Office);

    /// <summary>Secretaries and Drafters may propose catalogue items for their own organization.</summary>
    public static bool CanProposeCatalogueItem(Actor a, int organizationId) => CanDraftFor(a, organizationId);

    public static bool CanApproveCatalogue(Actor a) => a.IsInAnyRole(Roles.Leader, Roles.Office);

    public static bool CanHandleFeedback(Actor a, int organizationId) =>
        a.IsInAnyRole(Roles.Office, Roles.FeedbackHandler) || a.Holds(organizationId, Roles.Secretary);

    /// <summary>
    /// Who reads a piece of feedback's text and its sender (§5(二)3): those who may handle feedback of its organization and
    /// the leader it was reported to (<paramref name="reportedToId"/>). Everyone else sees only the disclosed result. The one
    /// rule for the feedback pages, the archive record page and its package.
    /// </summary>
    public static bool ReadsFeedback(Actor a, int organizationId, string? reportedToId) =>
        CanHandleFeedback(a, organizationId)
        || (a.IsAuthenticated && reportedToId is not null && reportedToId == a.UserId);

    /// <summary>
    /// Who reads a whole archive record with its feedback (its package holds every text, sender and contact): those who may
    /// handle feedback of its organization, and a Leader who reads every piece of its feedback by <see cref="ReadsFeedback"/>
    /// (any Leader when it has none).
    /// </summary>
    public static bool ReadsArchivedFeedback(Actor a, int organizationId, IEnumerable<string?> reportedToIds) =>
        CanHandleFeedback(a, organizationId)
        || (a.IsInRole(Roles.Leader) && reportedToIds.All(id => ReadsFeedback(a, organizationId, id)));

    public static bool CanArchive(Actor a, int organizationId) =>
        a.IsInRole(Roles.Office) || a.Holds(organizationId, Roles.Secretary);

    /// <summary>Opening a phase or recording an immediate item's event: the Office, or the organization's own Secretary.</summary>
    public static bool CanManageSchedule(Actor a, int organizationId) =>
        a.IsInRole(Roles.Office) || a.Holds(organizationId, Roles.Secretary);

    public static bool CanSeeOrganizationWork(Actor a, int organizationId) => a.SeesWholeBureau || a.BelongsTo(organizationId);

    /// <summary>The organizations whose work (drafts in every state, their catalogue lines) she sees as a Secretary or Drafter.</summary>
    public static IReadOnlyList<int> WorkOrganizations(Actor a) => a.OrganizationsWhere(Roles.Secretary, Roles.Drafter);

    public static bool CanInspect(Actor a) => a.IsInRole(Roles.Office);

    /// <summary>
    /// The one rule for reading a disclosure, on every read path (board, item page, attachments, print and
    /// screen views, search, export, the workbench), written once as a query so the database applies it:
    /// <list type="bullet">
    /// <item>once published (and after it closes) its audience reads it: anyone a Public item, any signed-in
    /// member an AllMembers item, an Organization item the people of that organization and of every organization under it
    /// (scope follows the tree: <see cref="Actor.ReachedBy"/>);</item>
    /// <item>the Office and Leaders read everything, in every state; a Secretary or Drafter every state of the items of
    /// each organization where they hold that post; the feedback handler every published item, whose feedback they handle.</item>
    /// </list>
    /// Anything else is reported as not found, the same as an id that does not exist.
    /// </summary>
    public static Expression<Func<Disclosure, bool>> Sees(Actor a)
    {
        if (a.SeesWholeBureau) return d => true;
        if (!a.IsAuthenticated)
            return d => (d.State == DisclosureState.Published || d.State == DisclosureState.Closed) && d.Audience == Audience.Public;
        var work = WorkOrganizations(a).ToList();
        var reached = a.ReachedBy.ToList();
        var handler = a.IsInRole(Roles.FeedbackHandler);
        return d => work.Contains(d.OrganizationId)
            || ((d.State == DisclosureState.Published || d.State == DisclosureState.Closed)
                && (handler || d.Audience != Audience.Organization || reached.Contains(d.OrganizationId)));
    }

    /// <summary>
    /// Reading a catalogue line (the promise shown beside the delivery on the public catalogue), by the same audiences as
    /// <see cref="Sees"/>: anyone a Public line, a signed-in member an AllMembers line and the Organization lines that reach her
    /// (her organizations' and those above them); the Office and Leaders every line, a Secretary or Drafter every line of the
    /// organizations where they hold that post, the feedback handler every line.
    /// </summary>
    public static Expression<Func<CatalogueItem, bool>> SeesLine(Actor a)
    {
        if (a.SeesWholeBureau) return i => true;
        if (!a.IsAuthenticated) return i => i.Audience == Audience.Public;
        var work = WorkOrganizations(a).ToList();
        var reached = a.ReachedBy.ToList();
        var handler = a.IsInRole(Roles.FeedbackHandler);
        return i => work.Contains(i.OrganizationId) || handler || i.Audience != Audience.Organization || reached.Contains(i.OrganizationId);
    }

    public static void Ensure(bool allowed, string code = "Access.Denied")
    {
        if (!allowed) throw new AccessDeniedException(code);
    }
}
