namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// A month, a quarter or a year of the bureau's calendar: <see cref="Number"/> is the month (1–12) or the quarter
/// (1–4), and is ignored for a year. <see cref="Start"/> and <see cref="End"/> are the bureau's days, both included.
/// </summary>
public sealed record AssessmentPeriod(AssessmentPeriodKind Kind, int Year, int Number = 1)
{
    public static AssessmentPeriod OfYear(int year) => new(AssessmentPeriodKind.Year, year);

    public static AssessmentPeriod OfQuarter(int year, int quarter) => new(AssessmentPeriodKind.Quarter, year, quarter);

    public static AssessmentPeriod OfMonth(int year, int month) => new(AssessmentPeriodKind.Month, year, month);

    public DateOnly Start => Kind switch
    {
        AssessmentPeriodKind.Month => new DateOnly(Year, Number, 1),
        AssessmentPeriodKind.Quarter => new DateOnly(Year, 3 * (Number - 1) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Kind switch
    {
        AssessmentPeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        AssessmentPeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    public bool IsValid => Year is >= 2000 and <= 2100 && Kind switch
    {
        AssessmentPeriodKind.Month => Number is >= 1 and <= 12,
        AssessmentPeriodKind.Quarter => Number is >= 1 and <= 4,
        _ => true,
    };
}
