namespace PartyAffairs.App.Domain;

/// <summary>How feedback reached the bureau: online through the board, or registered by the handler.</summary>
public enum FeedbackChannel
{
    Online = 0,
    Letter = 1,
    Phone = 2,
    Visit = 3,
    Meeting = 4,
    Mailbox = 5,
}
