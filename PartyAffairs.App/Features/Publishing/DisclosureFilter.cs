using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// What the disclosures list narrows by; null means any. <see cref="InCatalogue"/> false asks for out-of-catalogue items only;
/// <see cref="AwaitingMyReview"/> for the submitted items the person may approve (<see cref="ReviewRoute"/>).
/// </summary>
public sealed record DisclosureFilter(DisclosureState? State = null, int? OrganizationId = null, bool? InCatalogue = null, bool AwaitingMyReview = false);
