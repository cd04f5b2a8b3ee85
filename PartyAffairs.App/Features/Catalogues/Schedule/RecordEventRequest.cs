namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>Record that the event of an immediate item of <see cref="Year"/>'s catalogue happened on <see cref="EventDate"/>.</summary>
public sealed record RecordEventRequest(int ItemId, int Year, string Label, DateOnly EventDate, int Version);
