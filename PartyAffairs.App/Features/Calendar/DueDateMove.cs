namespace PartyAffairs.App.Features.Calendar;

/// <summary>An open occurrence whose due date a changed calendar or due-day setting moves: what the Admin previews and confirms.</summary>
public sealed record DueDateMove(int OccurrenceId, string ItemTitle, string OccurrenceLabel, int OrganizationId, string OrganizationName,
    DateOnly OldDueDate, DateOnly NewDueDate);
