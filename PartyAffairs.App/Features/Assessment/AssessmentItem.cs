namespace PartyAffairs.App.Features.Assessment;

/// <summary>One record behind a figure: what it is, its organization, the dates that decide how it counts, and where it opens.</summary>
public sealed record AssessmentItem(string Title, string OrganizationName, string Detail, string? Link);
