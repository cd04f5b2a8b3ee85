namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// One organization's figures for a year. Of the catalogue occurrences due so far: published on time (on
/// or before the due date, in the bureau's time), published late, and still open past the due date; an
/// occurrence due today and still open is neither yet. Out-of-catalogue items published in the year; feedback
/// received in the year, how much of it is closed, and how much is past its current step's deadline.
/// </summary>
public sealed record AssessmentRow(int OrganizationId, string OrganizationName, int Due, int OnTime, int Late, int OverdueOpen,
    int OutOfCatalogue, int FeedbackReceived, int FeedbackClosed, int FeedbackLate);
