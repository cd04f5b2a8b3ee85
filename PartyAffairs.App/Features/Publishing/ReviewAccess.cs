using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>The review check every reviewing call makes, through <see cref="ReviewRoute"/>, refusing with the reason a person can act on.</summary>
internal static class ReviewAccess
{
    /// <summary>Whether <paramref name="actor"/> may review the loaded disclosure (with its occurrence's catalogue item).</summary>
    public static async Task<bool> AllowsAsync(AppDbContext db, Actor actor, Disclosure disclosure, CurrentReviewRoute route,
        CancellationToken cancellationToken) =>
        await PostAsync(db, actor, disclosure, route, cancellationToken) is not null;

    /// <summary>The post in which <paramref name="actor"/> reviews the loaded disclosure, or null.</summary>
    private static async Task<Post?> PostAsync(AppDbContext db, Actor actor, Disclosure disclosure, CurrentReviewRoute route,
        CancellationToken cancellationToken)
    {
        // Only a Leader's answer depends on whether an Office member wrote it: spare everyone else the read.
        var authorIsOffice = actor.IsInRole(Roles.Leader) && !actor.IsInRole(Roles.Office)
            && await OfficeMembers.IncludesAsync(db, disclosure.AuthorId, cancellationToken);
        return route.ReviewingPost(actor, disclosure, authorIsOffice);
    }

    /// <summary>Refuses, with the reason, a person who may not review it; else returns her acting in the post that allows it.</summary>
    public static async Task<Actor> EnsureAsync(AppDbContext db, Actor actor, Disclosure disclosure, CurrentReviewRoute route,
        CancellationToken cancellationToken)
    {
        if (await PostAsync(db, actor, disclosure, route, cancellationToken) is { } post) return actor with { ActingPost = post };
        var routing = route.For(disclosure);
        AccessPolicy.Ensure(false,
            !routing.OfficeOnly ? "Access.ReviewInCatalogue"
            : actor.UserId == disclosure.AuthorId && routing.Gated ? "Review.OwnGatedItem"
            : routing.Reasons.SequenceEqual([ReviewReason.OutOfCatalogue]) ? "Access.ReviewOutOfCatalogue"
            : routing.Gated ? "Access.ReviewGated"
            : "Access.ReviewInCatalogue");
        return actor;
    }
}
