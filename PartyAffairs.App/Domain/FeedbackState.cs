namespace PartyAffairs.App.Domain;

public enum FeedbackState
{
    Received = 0,
    Assigned = 1,
    Answered = 2,
    Reported = 3,
    ResultDisclosed = 4,
    Closed = 5,
}
