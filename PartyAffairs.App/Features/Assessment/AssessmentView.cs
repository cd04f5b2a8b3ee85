namespace PartyAffairs.App.Features.Assessment;

/// <summary>A year's assessment table, counted as of <see cref="AsOf"/> (the bureau's today).</summary>
public sealed record AssessmentView(int Year, DateOnly AsOf, IReadOnlyList<AssessmentRow> Rows);
