using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>A draft as the drafting page loads it. <see cref="CanEdit"/>: this person may edit it now; <see cref="CanOverride"/>: may let sensitive words through.</summary>
public sealed record DraftView(
    int Id,
    int Version,
    string OrganizationName,
    Category Category,
    DisclosureState State,
    string? CatalogueItemTitle,
    string? OccurrenceLabel,
    string? OutOfCatalogueReason,
    string? ReviewComment,
    string Title,
    string Body,
    Channel Channels,
    Audience Audience,
    DateTime DisplayFromUtc,
    DateTime DisplayUntilUtc,
    bool Important,
    DateTime LastSavedAtUtc,
    bool CanEdit,
    bool CanOverride,
    IReadOnlyList<string> OverriddenWords,
    string? OverrideReason);
