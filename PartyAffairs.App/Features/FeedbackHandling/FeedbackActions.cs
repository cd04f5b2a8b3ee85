namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>The steps the person looking may take now: a courtesy for the page, the service checks each again.</summary>
public sealed record FeedbackActions(bool Assign, bool Answer, bool Report, bool Acknowledge, bool Close, bool MarkAbusive, bool StartRedisclosure, bool Reply = false)
{
    public bool Any => Assign || Answer || Report || Acknowledge || Close || MarkAbusive || StartRedisclosure || Reply;
}
