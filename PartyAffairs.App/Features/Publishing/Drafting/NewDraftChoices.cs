using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// What the "new disclosure" page offers: the first few open occurrences (soonest due; the rest are found by searching), and the
/// organizations one may draft for out of catalogue.
/// </summary>
/// <param name="ActingOrganizationId">The organization of the post she chose to act in, when she may draft for it: the form's default.</param>
public sealed record NewDraftChoices(IReadOnlyList<OpenOccurrenceOption> Occurrences, OrganizationScope Organizations,
    int? ActingOrganizationId = null);
