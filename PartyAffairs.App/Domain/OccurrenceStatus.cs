namespace PartyAffairs.App.Domain;

/// <summary>How an occurrence stands on a given day, as the schedule colours it.</summary>
public enum OccurrenceStatus
{
    NotDue = 0,
    /// <summary>Open and due within the next few days (today included).</summary>
    DueSoon = 1,
    /// <summary>Open after its due date has passed.</summary>
    Overdue = 2,
    FulfilledOnTime = 3,
    FulfilledLate = 4,
    Cancelled = 5,
}
