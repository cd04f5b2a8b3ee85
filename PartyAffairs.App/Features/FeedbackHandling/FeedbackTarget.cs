using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>The item the board's feedback form is about, as the visitor may see it, and whether it takes feedback now.</summary>
public sealed record FeedbackTarget(int DisclosureId, string Title, string OrganizationName, Audience Audience,
    DateTime DisplayFromUtc, DateTime DisplayUntilUtc, bool OnDisplay, bool SignedIn);
