namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>A published or closed item offline feedback may be registered against.</summary>
public sealed record DisclosureOption(int Id, string Title, string OrganizationName);
