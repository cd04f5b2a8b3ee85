namespace PartyAffairs.App.Features.Dashboard;

/// <summary>A draft held back by sensitive words: its author cannot submit until a reviewer lets the words through with a reason.</summary>
public sealed record SensitiveDraftRow(int Id, string Title, string OrganizationName, EquatableList<string> Words);
