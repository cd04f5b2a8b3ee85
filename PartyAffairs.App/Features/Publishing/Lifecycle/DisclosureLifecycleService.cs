using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Publishing.Lifecycle;

/// <summary>
/// Withdrawal and re-disclosure (再次公开, §5(四)) of disclosures, and what a revision changed. Published
/// text never changes in place: a revision is a new draft reviewed like any other.
/// </summary>
public sealed class DisclosureLifecycleService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    SettingsService settings,
    Outcomes outcomes,
    IStringLocalizer<PublishingStrings> text)
{
    /// <summary>The author's Secretary or the Office; an Important item in its first week on display only the Office.</summary>
    public Task<Result> WithdrawAsync(int disclosureId, int expectedVersion, string reason, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var rules = (await settings.GetAsync(cancellationToken)).DisplayRules;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // The occurrence comes along: a withdrawal inside the minimum display reopens it.
            var disclosure = await db.Disclosures.Include(d => d.CatalogueOccurrence)
                .FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken) ?? throw new NotFoundException();
            AccessPolicy.Ensure(CanWithdraw(actor, disclosure.OrganizationId), "Access.NotYourOrganization");
            disclosure.EnsureVersion(expectedVersion);
            if (string.IsNullOrWhiteSpace(reason)) Refuse("Withdraw.ReasonRequired");
            disclosure.Withdraw(actor, clock.UtcNow, reason, rules);
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Opens a re-disclosure draft of a published or closed item and returns its id; the reason is audited on the original.</summary>
    public Task<Result<int>> ReviseAsync(int disclosureId, string reason, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var original = await db.Disclosures.FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken) ?? throw new NotFoundException();
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, original.OrganizationId), "Access.NotYourOrganization");
            var revision = await OpenRevisionAsync(db, actor, original, reason, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (RelinkImages(original, revision)) await db.SaveChangesAsync(cancellationToken);
            return revision.Id;
        });

    /// <summary>
    /// Adds the re-disclosure draft of <paramref name="original"/> to <paramref name="db"/>, unsaved, with the reason
    /// audited on the original. The caller has checked who may open it and saves it with whatever else belongs to the
    /// same change (a feedback that starts it).
    /// </summary>
    internal async Task<Disclosure> OpenRevisionAsync(AppDbContext db, Actor actor, Disclosure original, string reason,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason)) Refuse("Revise.ReasonRequired");
        // A second click, or a second person, would open a rival revision of the same text.
        var open = await db.Disclosures.AnyAsync(d => d.RevisesDisclosureId == original.Id
            && d.State != DisclosureState.Withdrawn && d.State != DisclosureState.Published && d.State != DisclosureState.Closed, cancellationToken);
        if (open) Refuse("Revise.AlreadyOpen");
        // The correction starts with the original's files, which the author may remove or replace.
        await db.Entry(original).Collection(d => d.Attachments).LoadAsync(cancellationToken);
        var now = clock.UtcNow;
        var revision = original.Revise(actor, now, reason);
        db.Disclosures.Add(revision);
        db.AuditEntries.Add(new AuditEntry(actor, now, nameof(Disclosure), original.Id, original.OrganizationId,
            WorkflowAction.Revise, original.State.ToString(), original.State.ToString(), reason));
        return revision;
    }

    /// <summary>
    /// Once a correction opened by <see cref="OpenRevisionAsync"/> is saved, its copies of the original's files have ids: its
    /// body's images are pointed at those copies, its own, as the own-image rule requires. True when the body changed.
    /// </summary>
    internal static bool RelinkImages(Disclosure original, Disclosure revision)
    {
        // Revise copies the files in order, so the n-th copy is the n-th original.
        var newIdByOldId = original.Attachments.Zip(revision.Attachments).ToDictionary(p => p.First.Id, p => p.Second.Id);
        var body = StoredBodies.Relink(revision.Body, newIdByOldId);
        if (body == revision.Body) return false;
        revision.RelinkBody(body);
        return true;
    }

    /// <summary>For a revision: its title and body against the disclosure it revises; null for an original.</summary>
    public Task<Result<DisclosureDiff?>> DiffAsync(int disclosureId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var revision = await db.Disclosures.AsNoTracking().Where(AccessPolicy.Sees(actor))
                .Where(d => d.Id == disclosureId).Select(Compared).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            if (revision.RevisesId is not { } previousId) return null;
            var previous = await db.Disclosures.AsNoTracking().Where(d => d.Id == previousId).Select(Compared).FirstAsync(cancellationToken);
            return DisclosureDiff.Between(previousId, previous.Text, revision.Text);
        });

    /// <summary>What a diff reads of a version, for the reviewer here and for the public history (<c>BoardService</c>).</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Disclosure, ComparedVersion>> Compared = d => new ComparedVersion(
        d.RevisesDisclosureId,
        new DisclosureText(d.Title, d.Body, d.Attachments.OrderBy(a => a.Id).Select(a => new DiffedFile(a.FileName, a.Sha256)).ToList()));

    /// <summary>Whether the withdraw button applies to this person: a courtesy for the page, the service checks again.</summary>
    public static bool CanWithdraw(Actor actor, int organizationId) =>
        actor.IsInRole(Roles.Office) || actor.Holds(organizationId, Roles.Secretary);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Refuse(string key) => throw new ValidationException([new ValidationFailure("Reason", text[key])]);
}
