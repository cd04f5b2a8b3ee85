using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// <see cref="ReviewRoute"/> under the settings in force: the one value through which services, pages, the home queues and
/// the notifications learn who reviews what, so none of them reads the "Office approves everything" setting itself.
/// Obtained from <c>ReviewRoutes.CurrentAsync</c>.
/// </summary>
public sealed record CurrentReviewRoute(bool OfficeApprovesEverything)
{
    /// <inheritdoc cref="ReviewRoute.For"/>
    public ReviewRouting For(Disclosure d) => ReviewRoute.For(d, OfficeApprovesEverything);

    /// <inheritdoc cref="ReviewRoute.OfficeOnly"/>
    public Expression<Func<Disclosure, bool>> OfficeOnly => ReviewRoute.OfficeOnly(OfficeApprovesEverything);

    /// <inheritdoc cref="ReviewRoute.SecretaryReviews"/>
    public Expression<Func<Disclosure, bool>> SecretaryReviews => ReviewRoute.SecretaryReviews(OfficeApprovesEverything);

    /// <inheritdoc cref="ReviewRoute.ReviewableBy"/>
    public Expression<Func<Disclosure, bool>> ReviewableBy(Actor a, IReadOnlyCollection<string> officeMemberIds) =>
        ReviewRoute.ReviewableBy(a, OfficeApprovesEverything, officeMemberIds);

    /// <inheritdoc cref="ReviewRoute.CanReview"/>
    public bool CanReview(Actor a, Disclosure d, bool authorIsOffice) => ReviewRoute.CanReview(a, d, OfficeApprovesEverything, authorIsOffice);

    /// <inheritdoc cref="ReviewRoute.ReviewingPost"/>
    public Post? ReviewingPost(Actor a, Disclosure d, bool authorIsOffice) => ReviewRoute.ReviewingPost(a, d, OfficeApprovesEverything, authorIsOffice);
}
