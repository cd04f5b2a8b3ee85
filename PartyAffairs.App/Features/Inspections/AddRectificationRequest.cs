namespace PartyAffairs.App.Features.Inspections;

/// <summary>A rectification item the Office adds to an inspection already recorded (a finding followed up later). The due date is a DateTime because MudDatePicker binds one; only its date counts.</summary>
public sealed class AddRectificationRequest
{
    public int InspectionId { get; set; }
    public string What { get; set; } = "";
    /// <summary>A user of the inspected organization.</summary>
    public string OwnerId { get; set; } = "";
    public DateTime? DueDate { get; set; }
}
