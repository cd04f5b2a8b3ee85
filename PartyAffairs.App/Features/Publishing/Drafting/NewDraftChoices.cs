using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>What the "new disclosure" page offers: open occurrences, and the organizations one may draft for out of catalogue.</summary>
/// <param name="ActingOrganizationId">The organization of the post she chose to act in, when she may draft for it: the form's default.</param>
public sealed record NewDraftChoices(IReadOnlyList<OpenOccurrenceOption> Occurrences, IReadOnlyList<OrganizationOption> Organizations,
    int? ActingOrganizationId = null);
