namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>An open catalogue occurrence a person may start a draft from.</summary>
public sealed record OpenOccurrenceOption(int Id, string OrganizationName, string ItemTitle, string Label, DateOnly DueDate);
