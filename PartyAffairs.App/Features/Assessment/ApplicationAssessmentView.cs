using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// The applications for disclosure of a period, per organization the reader assesses and in total, counted as of
/// <see cref="AsOf"/>; <see cref="Facts"/> are the applications behind them (for the annual report's tables by channel).
/// </summary>
public sealed record ApplicationAssessmentView(AssessmentPeriod Period, DateOnly AsOf, ApplicationWindow Window,
    IReadOnlyList<ApplicationAssessmentRow> Rows, ApplicationAssessmentRow Total, IReadOnlyList<ApplicationFact> Facts);
