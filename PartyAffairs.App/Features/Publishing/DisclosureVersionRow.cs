using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>One submitted version, as the reviewer and the archive see it.</summary>
public sealed record DisclosureVersionRow(int Number, string Title, Audience Audience, Channel Channels,
    DateTime DisplayFromUtc, DateTime DisplayUntilUtc, bool Important, DateTime CreatedAtUtc);
