namespace PartyAffairs.App.Domain;

/// <summary>What came of reading an attachment's text for search.</summary>
public enum AttachmentTextState
{
    /// <summary>Not read yet: a file stored before extraction existed, until the startup backfill reads it.</summary>
    Pending,
    /// <summary>A kind that has no text to read (an image, a spreadsheet, a zip).</summary>
    None,
    Text,
    /// <summary>A PDF with pages but no text layer — a scan: searching cannot find what it says.</summary>
    NoTextLayer,
    /// <summary>A PDF that could not be read, or a stored file that was missing.</summary>
    Failed,
}
