namespace PartyAffairs.App.Domain;

/// <summary>What mailbox feedback (意见箱, not tied to one item) is about; stored as its name.</summary>
public enum FeedbackKind
{
    /// <summary>意见建议</summary>
    Suggestion = 0,
    /// <summary>应公开未公开: something that should have been disclosed and was not.</summary>
    Undisclosed = 1,
    /// <summary>其他</summary>
    Other = 2,
}
