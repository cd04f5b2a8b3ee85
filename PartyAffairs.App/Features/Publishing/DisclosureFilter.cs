using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// What the disclosures list narrows by; null means any. <see cref="InCatalogue"/> false asks for out-of-catalogue items only;
/// <see cref="AwaitingMyReview"/> for the submitted items the person may approve (<see cref="ReviewRoute"/>);
/// <see cref="Mine"/> for the ones the person wrote; <see cref="Drafts"/> for those still being written (drafts and what came back
/// rejected, which is a draft again), as the secretary's home counts 本组织草稿. Then one page of it, in the order of
/// <see cref="SortBy"/> (a <see cref="DisclosureRow"/> property name; the latest change first when null).
/// </summary>
public sealed record DisclosureFilter(DisclosureState? State = null, int? OrganizationId = null, bool? InCatalogue = null, bool AwaitingMyReview = false,
    bool Mine = false, bool Drafts = false, int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false);
