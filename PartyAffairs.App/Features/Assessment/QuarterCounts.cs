namespace PartyAffairs.App.Features.Assessment;

/// <summary>A count for each quarter of the period's year (zero for a quarter outside the period) and their total; compared by value.</summary>
public readonly record struct QuarterCounts(int Q1, int Q2, int Q3, int Q4)
{
    public int Total => Q1 + Q2 + Q3 + Q4;

    /// <summary>The count of quarter 1–4.</summary>
    public int this[int quarter] => quarter switch
    {
        1 => Q1,
        2 => Q2,
        3 => Q3,
        4 => Q4,
        _ => throw new ArgumentOutOfRangeException(nameof(quarter)),
    };

    public static QuarterCounts Of(IEnumerable<(int Quarter, int Count)> counts)
    {
        var list = counts.ToList();
        int Sum(int quarter) => list.Where(c => c.Quarter == quarter).Sum(c => c.Count);
        return new QuarterCounts(Sum(1), Sum(2), Sum(3), Sum(4));
    }

    public static QuarterCounts operator +(QuarterCounts a, QuarterCounts b) => new(a.Q1 + b.Q1, a.Q2 + b.Q2, a.Q3 + b.Q3, a.Q4 + b.Q4);
}
