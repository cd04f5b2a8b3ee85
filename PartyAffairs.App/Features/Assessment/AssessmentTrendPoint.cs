namespace PartyAffairs.App.Features.Assessment;

/// <summary>The catalogue occurrences that fell due in one month of the year, as the trend chart plots them.</summary>
public sealed record AssessmentTrendPoint(int Month, int OnTime, int Late, int Missed);
