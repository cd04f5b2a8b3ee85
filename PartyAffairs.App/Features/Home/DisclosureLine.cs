using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Home;

/// <summary>A disclosure as a home card lists it; <see cref="AtLocal"/> is the moment that matters for the list, in the bureau's time.</summary>
public sealed record DisclosureLine(int Id, string Title, string OrganizationName, DisclosureState State, bool InCatalogue,
    DateTime AtLocal, string? ReviewComment);
