namespace PartyAffairs.App.Features.Catalogues.Comparison;

/// <summary>
/// How many lines of a catalogue depart from its city template, without the lines: what the page header of the compare panel
/// shows, so the page need not hold every line (issue 21). Counted by <see cref="CatalogueComparison.Compare"/>.
/// </summary>
public sealed record TemplateComparisonSummary(int Added, int Removed, int Changed)
{
    public bool IsSame => Added == 0 && Removed == 0 && Changed == 0;

    public static TemplateComparisonSummary Of(CatalogueComparisonResult result) =>
        new(result.Added.Count, result.Removed.Count, result.Changed.Count);
}

/// <summary>
/// The detailed comparison as the open compare panel shows it: the counts of every section and at most
/// <c>limit</c> lines of each, so a city's thousands of departures never sit in the page's circuit at once.
/// </summary>
public sealed record TemplateComparisonView(TemplateComparisonSummary Counts, CatalogueComparisonResult Shown)
{
    public static TemplateComparisonView Of(CatalogueComparisonResult result, int limit) =>
        new(TemplateComparisonSummary.Of(result),
            new CatalogueComparisonResult(result.Added.Take(limit).ToList(), result.Removed.Take(limit).ToList(),
                result.Changed.Take(limit).ToList()));
}
