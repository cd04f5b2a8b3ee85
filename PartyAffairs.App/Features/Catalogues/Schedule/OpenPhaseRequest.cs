namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>Open phase <see cref="PhaseIndex"/> of a phased item of <see cref="Year"/>'s catalogue on <see cref="OpenedOn"/>.</summary>
public sealed record OpenPhaseRequest(int ItemId, int Year, int PhaseIndex, DateOnly OpenedOn, int Version);
