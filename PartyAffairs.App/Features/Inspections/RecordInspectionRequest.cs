using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>An inspection as the Office records it: a finding on each of the five criteria of §6(四), and the rectification items.</summary>
public sealed class RecordInspectionRequest
{
    public int OrganizationId { get; set; }
    public DateTime? Date { get; set; }
    public string Inspectors { get; set; } = "";
    public InspectionFinding ContentComplete { get; set; }
    public InspectionFinding FormEffective { get; set; }
    public InspectionFinding ProcedureRegular { get; set; }
    public InspectionFinding Timely { get; set; }
    public InspectionFinding FeedbackAnswered { get; set; }
    public string? Notes { get; set; }
    public List<RectificationRequest> Rectifications { get; set; } = [];
}
