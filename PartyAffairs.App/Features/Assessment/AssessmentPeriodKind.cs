namespace PartyAffairs.App.Features.Assessment;

/// <summary>How long a period of assessment is.</summary>
public enum AssessmentPeriodKind
{
    Month = 0,
    Quarter = 1,
    Year = 2,
}
