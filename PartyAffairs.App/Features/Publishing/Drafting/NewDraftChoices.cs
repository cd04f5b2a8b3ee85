using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>What the "new disclosure" page offers: open occurrences, and the organizations one may draft for out of catalogue.</summary>
public sealed record NewDraftChoices(IReadOnlyList<OpenOccurrenceOption> Occurrences, IReadOnlyList<OrganizationOption> Organizations);
