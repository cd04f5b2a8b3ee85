namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// The assessment of a period, counted as of <see cref="AsOf"/> (the bureau's today): a row per organization the
/// reader may assess (or one page of them: <see cref="RowCount"/> counts them all), their total, and the month-by-month trend
/// of the period's year.
/// </summary>
public sealed record AssessmentView(AssessmentPeriod Period, DateOnly AsOf, IReadOnlyList<AssessmentRow> Rows, AssessmentRow Total,
    IReadOnlyList<AssessmentTrendPoint> Trend, int RowCount);
