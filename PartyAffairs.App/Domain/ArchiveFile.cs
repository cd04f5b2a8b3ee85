namespace PartyAffairs.App.Domain;

/// <summary>A file copied into the archive store with its hash at archiving time.</summary>
public sealed class ArchiveFile
{
    public int Id { get; private set; }
    public int ArchiveRecordId { get; private set; }
    public string FileName { get; private set; } = "";
    /// <summary>Path relative to the data directory's archive store.</summary>
    public string StoredPath { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";

    private ArchiveFile() { }

    public ArchiveFile(string fileName, string storedPath, long sizeBytes, string sha256)
    {
        FileName = fileName;
        StoredPath = storedPath;
        SizeBytes = sizeBytes;
        Sha256 = sha256.ToLowerInvariant();
    }
}
