using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>A recorded inspection with its findings on the five criteria and its rectifications.</summary>
public sealed record InspectionRow(int Id, int OrganizationId, string OrganizationName, DateOnly Date, string Inspectors,
    InspectionFinding ContentComplete, InspectionFinding FormEffective, InspectionFinding ProcedureRegular, InspectionFinding Timely,
    InspectionFinding FeedbackAnswered, string? Notes, IReadOnlyList<RectificationRow> Rectifications);
