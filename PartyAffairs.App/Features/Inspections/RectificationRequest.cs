namespace PartyAffairs.App.Features.Inspections;

/// <summary>One rectification item as the Office enters it with an inspection. The due date is a DateTime because MudDatePicker binds one; only its date counts.</summary>
public sealed class RectificationRequest
{
    public string What { get; set; } = "";
    /// <summary>A user of the inspected organization.</summary>
    public string OwnerId { get; set; } = "";
    public DateTime? DueDate { get; set; }
}
