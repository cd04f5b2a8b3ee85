using PartyAffairs.App.Features.Inspections;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>Everything the live approval dashboard shows, read in one go at <see cref="LoadedAtUtc"/>.</summary>
public sealed record DashboardView(
    CappedList<PendingDisclosureRow> SubmittedDisclosures,
    IReadOnlyList<SensitiveDraftRow> SensitiveWordsWaiting,
    IReadOnlyList<PendingCatalogueRow> SubmittedCatalogues,
    CappedList<DueOccurrenceRow> DueSoon,
    CappedList<DueOccurrenceRow> Overdue,
    int OnDisplay,
    CappedList<ClosingDisclosureRow> ClosingSoon,
    CappedList<LateFeedbackRow> LateFeedback,
    CappedList<OverdueRectificationRow> OverdueRectifications,
    IReadOnlyList<AuditRow> Feed,
    DateTime LoadedAtUtc);
