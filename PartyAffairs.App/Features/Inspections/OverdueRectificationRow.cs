namespace PartyAffairs.App.Features.Inspections;

/// <summary>An open rectification past its due date, as the dashboard lists it.</summary>
public sealed record OverdueRectificationRow(int Id, string What, string OrganizationName, string OwnerName, DateOnly DueDate);
