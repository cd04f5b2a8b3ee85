using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>What the drafting form sends on every autosave; display times in UTC.</summary>
public sealed record DraftRequest(
    string Title,
    string Body,
    Channel Channels,
    Audience Audience,
    DateTime DisplayFromUtc,
    DateTime DisplayUntilUtc,
    bool Important);
