namespace PartyAffairs.App.Features.Board;

/// <summary>A disclosed feedback result: the handling result and the handler's anonymised summary, never the feedback itself or who sent it.</summary>
public sealed record BoardResult(string? Summary, string Resolution, DateTime DisclosedAtUtc);
