using PartyAffairs.App.Features.Inspections;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>
/// Everything the live approval dashboard shows, read in one go at <see cref="LoadedAtUtc"/>. Equal by content (lists
/// too), so a push can tell what changed.
/// </summary>
public sealed record DashboardView(
    CappedList<PendingDisclosureRow> SubmittedDisclosures,
    EquatableList<SensitiveDraftRow> SensitiveWordsWaiting,
    EquatableList<PendingCatalogueRow> SubmittedCatalogues,
    CappedList<DueOccurrenceRow> DueSoon,
    CappedList<DueOccurrenceRow> Overdue,
    CappedList<DueOccurrenceRow> StandingGaps,
    int OnDisplay,
    CappedList<ClosingDisclosureRow> ClosingSoon,
    CappedList<LateFeedbackRow> LateFeedback,
    CappedList<LateApplicationRow> LateApplications,
    CappedList<OverdueRectificationRow> OverdueRectifications,
    EquatableList<AuditRow> Feed,
    DateTime LoadedAtUtc);
