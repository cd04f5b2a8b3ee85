namespace PartyAffairs.App.Features.Board;

/// <summary>
/// An organization in the board's directory: its depth under its parents and its items on display as the asker may see
/// them (0 for a parent shown only to hold its branches, which is named but not linked).
/// </summary>
public sealed record BoardDirectoryEntry(int Id, string Name, int Depth, int Count);
