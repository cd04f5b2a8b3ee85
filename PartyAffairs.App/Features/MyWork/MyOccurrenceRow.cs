namespace PartyAffairs.App.Features.MyWork;

/// <summary>An open occurrence of my organization that falls due soon or is overdue.</summary>
public sealed record MyOccurrenceRow(int Id, string ItemTitle, string Label, DateOnly DueDate, bool Overdue);
