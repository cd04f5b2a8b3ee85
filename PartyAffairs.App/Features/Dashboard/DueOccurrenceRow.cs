namespace PartyAffairs.App.Features.Dashboard;

/// <summary>An open occurrence on a due card; <paramref name="Provisional"/> when due in a year whose holiday notice is not imported (暂定).</summary>
public sealed record DueOccurrenceRow(int Id, string ItemTitle, string OrganizationName, string Label, DateOnly DueDate, bool Provisional);
