namespace PartyAffairs.App.Features.Home;

/// <summary>A catalogue occurrence still to be published, with the bureau day it is due.</summary>
public sealed record OccurrenceDue(int Id, string ItemTitle, string Label, string OrganizationName, DateOnly DueDate, bool IsOverdue);
