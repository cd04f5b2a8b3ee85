namespace PartyAffairs.App.Features.Dashboard;

public sealed record DueOccurrenceRow(int Id, string ItemTitle, string OrganizationName, string Label, DateOnly DueDate);
