namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// The searchable text of an attachment. <see cref="Scanned"/> marks a PDF that has pages but no text layer (a scan), so
/// the page can say it cannot be searched.
/// </summary>
public sealed record AttachmentTextResult(string Text, bool Scanned)
{
    public static AttachmentTextResult None { get; } = new("", false);
}
