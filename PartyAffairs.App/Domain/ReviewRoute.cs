using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// Who reviews what (§5(二)2, DOMAIN.md "The out-of-catalogue gate has no side doors"), the one rule that the review
/// services, the detail page, the notifications, the home queues and the dashboard share:
/// <list type="bullet">
/// <item>an in-catalogue item whose draft keeps its line's audience and channels, on a line that says what it is, is
/// approved by its organization's Secretary (or the Office);</item>
/// <item>an item out of the catalogue, on a catch-all line (category 8 其他事项, or one the Office marks), narrower in audience
/// than its line, or without a channel its line promises, goes to the Office only — as does every item when the setting says so;</item>
/// <item>nobody approves their own gated item: an Office member's needs another Office member or a Leader. A Secretary
/// approving her own in-catalogue item stays allowed (and is recorded as such).</item>
/// </list>
/// Written once as expressions the database runs, and once in C# for loaded objects; a test keeps the two in agreement.
/// A disclosure with an occurrence must be read with its occurrence's catalogue item for the C# forms.
/// </summary>
public static class ReviewRoute
{
    /// <summary>Its catalogue line does not vouch for it: a catch-all line, a narrowed audience, a dropped channel.</summary>
    private static readonly Expression<Func<Disclosure, bool>> LineGated = And(DisclosureRules.InCatalogue,
        d => (d.CatalogueOccurrence!.CatalogueItem!.IsCatchAll
                || d.CatalogueOccurrence.CatalogueItem.Category == Category.Other
                || d.Audience < d.CatalogueOccurrence.CatalogueItem.Audience
                || (d.CatalogueOccurrence.CatalogueItem.Channels & d.Channels) != d.CatalogueOccurrence.CatalogueItem.Channels));

    /// <summary>Must go to the Office whatever the setting: out of the catalogue, a catch-all line, a narrowed audience, a dropped channel.</summary>
    public static readonly Expression<Func<Disclosure, bool>> Gated = Or(DisclosureRules.OutOfCatalogue, LineGated);

    /// <summary>Only the Office (or, for an Office member's own gated item, another Office member or a Leader) may review it.</summary>
    public static Expression<Func<Disclosure, bool>> OfficeOnly(bool officeApprovesEverything) =>
        officeApprovesEverything ? d => true : Gated;

    /// <summary>Its organization's Secretary may review it: the complement of <see cref="OfficeOnly"/>.</summary>
    public static Expression<Func<Disclosure, bool>> SecretaryReviews(bool officeApprovesEverything) =>
        officeApprovesEverything ? d => false : Not(Gated);

    /// <summary>
    /// The items this person may approve or reject (whatever their state). <paramref name="officeMemberIds"/> are the
    /// Office's members: a Leader reviews the gated items one of them wrote.
    /// </summary>
    public static Expression<Func<Disclosure, bool>> ReviewableBy(Actor a, bool officeApprovesEverything, IReadOnlyCollection<string> officeMemberIds)
    {
        var me = a.UserId;
        Expression<Func<Disclosure, bool>> rule = d => false;
        if (a.IsInRole(Roles.Office))
            rule = Or(rule, Or(d => d.AuthorId != me, Not(Gated)));
        if (a.IsInRole(Roles.Leader))
        {
            var office = officeMemberIds.ToList();
            rule = Or(rule, And(d => d.AuthorId != me && office.Contains(d.AuthorId), Gated));
        }
        var secretaryOf = a.OrganizationsWhere(Roles.Secretary).ToList();
        if (secretaryOf.Count > 0)
            rule = Or(rule, And(d => secretaryOf.Contains(d.OrganizationId), SecretaryReviews(officeApprovesEverything)));
        return rule;
    }

    /// <summary>Who reviews this loaded disclosure, and why the Office must.</summary>
    public static ReviewRouting For(Disclosure d, bool officeApprovesEverything)
    {
        var reasons = new List<ReviewReason>();
        CatalogueItem? line = null;
        if (!d.IsInCatalogue) reasons.Add(ReviewReason.OutOfCatalogue);
        else
        {
            line = d.CatalogueOccurrence?.CatalogueItem
                ?? throw new InvalidOperationException("Load the disclosure's occurrence and catalogue item to route its review.");
            if (line.IsCatchAllLine) reasons.Add(ReviewReason.CatchAllLine);
            if (d.Audience < line.Audience) reasons.Add(ReviewReason.NarrowedAudience);
            if ((line.Channels & d.Channels) != line.Channels) reasons.Add(ReviewReason.DroppedChannel);
        }
        if (officeApprovesEverything) reasons.Add(ReviewReason.OfficeApprovesEverything);
        return new ReviewRouting(reasons.Count > 0, reasons, line?.Audience, line?.Channels, d.Audience, d.Channels);
    }

    /// <summary>Whether this person may approve or reject this loaded disclosure; <paramref name="authorIsOffice"/>: its author is an Office member.</summary>
    public static bool CanReview(Actor a, Disclosure d, bool officeApprovesEverything, bool authorIsOffice) =>
        ReviewingPost(a, d, officeApprovesEverything, authorIsOffice) is not null;

    /// <summary>
    /// The post in which this person reviews this loaded disclosure, as the approval and the audit record it (null: she may
    /// not): the Office, unless it is her own gated item; a Leader, for a gated item an Office member wrote and not her own;
    /// the Secretary of its organization, unless only the Office may. A person with several posts reviews in the one she chose
    /// in the app bar when it allows it, else in the first that does; a post in another organization allows nothing here.
    /// </summary>
    public static Post? ReviewingPost(Actor a, Disclosure d, bool officeApprovesEverything, bool authorIsOffice)
    {
        var routing = For(d, officeApprovesEverything);
        var own = a.UserId == d.AuthorId;
        return a.PostFor(d.OrganizationId, p => p.Role switch
        {
            Roles.Office => !(own && routing.Gated),
            Roles.Leader => routing.Gated && authorIsOffice && !own,
            Roles.Secretary => p.OrganizationId == d.OrganizationId && !routing.OfficeOnly,
            _ => false,
        });
    }

    private static Expression<Func<Disclosure, bool>> Not(Expression<Func<Disclosure, bool>> e) =>
        Expression.Lambda<Func<Disclosure, bool>>(Expression.Not(e.Body), e.Parameters);

    private static Expression<Func<Disclosure, bool>> Or(Expression<Func<Disclosure, bool>> left, Expression<Func<Disclosure, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<Disclosure, bool>> And(Expression<Func<Disclosure, bool>> left, Expression<Func<Disclosure, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<Disclosure, bool>> Combine(Expression<Func<Disclosure, bool>> left, Expression<Func<Disclosure, bool>> right,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var parameter = left.Parameters[0];
        var rightBody = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<Disclosure, bool>>(join(left.Body, rightBody), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
