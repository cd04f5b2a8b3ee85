namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// One page of the assessment's organizations: in the bureau's order, or (<see cref="SortBy"/>) the most of one figure first,
/// ties in the bureau's order — the Office looking for the branches that missed most at a city of two thousand.
/// </summary>
public sealed record AssessmentPaging(int Page = 0, int PageSize = AssessmentPaging.DefaultPageSize, AssessmentMeasure? SortBy = null)
{
    public const int DefaultPageSize = 25;

    /// <summary>The rows in this order; the input comes in the bureau's order, which a stable sort keeps for ties.</summary>
    public static IEnumerable<AssessmentRow> Sorted(IEnumerable<AssessmentRow> rows, AssessmentMeasure? sortBy) =>
        sortBy is { } measure ? rows.OrderByDescending(r => r.Count(measure)) : rows;
}
