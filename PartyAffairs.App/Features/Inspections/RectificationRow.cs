using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>A rectification as the inspections page lists it; <see cref="CanComplete"/> says whether the reader may close it.</summary>
public sealed record RectificationRow(int Id, int Version, string What, string OwnerName, DateOnly DueDate, RectificationState State,
    string? Outcome, DateTime? DoneAtUtc, bool Overdue, bool CanComplete);
