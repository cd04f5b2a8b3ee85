using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// Reads an attachment's text for search with <see cref="AttachmentText"/>, bounded by its limits, and says how it went.
/// Only PDFs and .docx files have text we read; everything else is <see cref="AttachmentTextState.None"/> without parsing.
/// </summary>
public static class AttachmentTextReader
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static (AttachmentTextState State, string Text) Read(byte[] content, string contentType)
    {
        if (contentType is not (Pdf or Docx)) return (AttachmentTextState.None, "");
        var result = AttachmentText.Extract(content);
        if (result.Scanned) return (AttachmentTextState.NoTextLayer, "");
        if (result.Text.Length > 0) return (AttachmentTextState.Text, result.Text);
        // A PDF with pages and no text is a scan (above); one that gives nothing at all could not be parsed. A .docx
        // without text is simply empty.
        return (contentType == Pdf ? AttachmentTextState.Failed : AttachmentTextState.None, "");
    }

    /// <summary>Reads the stored file and records the outcome on <paramref name="attachment"/>; a missing or unreadable file is Failed.</summary>
    public static async Task ReadIntoAsync(Attachment attachment, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            attachment.RecordText(AttachmentTextState.Failed, "");
            return;
        }
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            attachment.RecordText(AttachmentTextState.Failed, "");
            return;
        }
        // Parsing is CPU work: off the caller's (a circuit's) context.
        var (state, text) = await Task.Run(() => Read(content, attachment.ContentType), cancellationToken);
        attachment.RecordText(state, text);
    }
}
