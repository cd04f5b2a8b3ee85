namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>An autosave that went through: the version to send with the next one, and when it was stored.</summary>
public sealed record DraftSaved(int Version, DateTime SavedAtUtc);
