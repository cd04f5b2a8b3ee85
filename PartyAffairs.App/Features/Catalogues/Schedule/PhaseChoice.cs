namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>A phase of a phased item that has not been opened yet; Index is its place in the item's phase list.</summary>
public sealed record PhaseChoice(int Index, string Name);
