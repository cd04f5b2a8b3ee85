namespace PartyAffairs.App.Domain;

/// <summary>A file attached to a disclosure: metadata here, the bytes on disk under the data directory.</summary>
public sealed class Attachment
{
    public int Id { get; private set; }
    public int DisclosureId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the bytes, checked again when archived.</summary>
    public string Sha256 { get; private set; } = "";
    /// <summary>Path relative to the data directory.</summary>
    public string StoredPath { get; private set; } = "";
    public string UploadedById { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
    /// <summary>The file's text for the board's and the archive's search, capped (AttachmentText's limit); empty when there is none.</summary>
    public string ExtractedText { get; private set; } = "";
    public AttachmentTextState TextState { get; private set; } = AttachmentTextState.Pending;

    private Attachment() { }

    public Attachment(string fileName, string contentType, long sizeBytes, string sha256, string storedPath, Actor uploadedBy, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(fileName)) throw new DomainRuleException("Attachment.NameRequired");
        if (sizeBytes <= 0) throw new DomainRuleException("Attachment.Empty");
        if (sha256.Length != 64) throw new DomainRuleException("Attachment.HashInvalid");
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256.ToLowerInvariant();
        StoredPath = storedPath;
        UploadedById = uploadedBy.UserId;
        UploadedAtUtc = utcNow;
    }

    /// <summary>
    /// The same stored file on a correction's draft (再次公开 starts with the original's attachments). The bytes are shared,
    /// so removing it from the draft must not delete them while another disclosure still refers to them.
    /// </summary>
    public Attachment CopyForRevision() => new()
    {
        FileName = FileName,
        ContentType = ContentType,
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        StoredPath = StoredPath,
        UploadedById = UploadedById,
        UploadedAtUtc = UploadedAtUtc,
        ExtractedText = ExtractedText,
        TextState = TextState,
    };

    /// <summary>Records what reading the file's text gave; only <see cref="AttachmentTextState.Text"/> keeps text.</summary>
    public void RecordText(AttachmentTextState state, string text)
    {
        if (state == AttachmentTextState.Pending) throw new ArgumentOutOfRangeException(nameof(state));
        TextState = state;
        ExtractedText = state == AttachmentTextState.Text ? text : "";
    }
}
