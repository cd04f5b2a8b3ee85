namespace PartyAffairs.App.Features.Inspections;

/// <summary>Closing a rectification with a note of what was done, against the version the person saw.</summary>
public sealed class CompleteRectificationRequest
{
    public int RectificationId { get; set; }
    public int Version { get; set; }
    public string Outcome { get; set; } = "";
}
