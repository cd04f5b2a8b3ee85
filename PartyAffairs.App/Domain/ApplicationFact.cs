namespace PartyAffairs.App.Domain;

/// <summary>
/// One application as <see cref="ApplicationCounting"/> counts it: the columns its figures read, projected by the database
/// (<see cref="ApplicationCounting.Facts"/>) or built by hand in a test.
/// </summary>
public sealed record ApplicationFact(int Id, int OrganizationId, ApplicationChannel Channel, DateTime ReceivedAtUtc, DateOnly DueOn,
    DateTime? AnsweredAtUtc, ApplicationOutcome? Outcome, ApplicationRefusal? Refusal, bool? AnsweredLate);
