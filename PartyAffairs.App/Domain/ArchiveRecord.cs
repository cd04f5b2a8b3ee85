namespace PartyAffairs.App.Domain;

/// <summary>
/// The frozen record of one closed disclosure (归档保管, §5(二)4). Written once, never updated or
/// deleted; its digest covers its canonical JSON, its files' hashes and the previous record's digest.
/// Made only by <see cref="Archive"/>, the archiving transition, which checks <see cref="ArchiveRules"/> and queues its audit line.
/// </summary>
public sealed class ArchiveRecord : IAudited
{
    private readonly List<AuditEntry> pendingAudit = [];

    public int Id { get; private set; }
    /// <summary>档号, e.g. JGDW-2026-0007: the organization's code, the year and a gap-free sequence.</summary>
    public string ArchiveNumber { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public int DisclosureId { get; private set; }
    public Category Category { get; private set; }
    public Audience Audience { get; private set; }
    public string Title { get; private set; } = "";
    public string ArchivedById { get; private set; } = "";
    public DateTime ArchivedAtUtc { get; private set; }
    /// <summary>Position in the bureau's one chain, from 1.</summary>
    public long ChainIndex { get; private set; }
    public string CanonicalJson { get; private set; } = "";
    public string? PreviousDigest { get; private set; }
    public string Digest { get; private set; } = "";
    public List<ArchiveFile> Files { get; private set; } = [];

    private ArchiveRecord() { }

    // Explicit, so EF Core maps no property for them: the context writes the queued line with the record (IAudited).
    IReadOnlyList<AuditEntry> IAudited.PendingAudit => pendingAudit;

    void IAudited.ClearPendingAudit() => pendingAudit.Clear();

    // Archiving announces nothing beyond its audit line.
    IReadOnlyList<AuditEntry> IAudited.PendingAnnouncements => [];

    void IAudited.ClearPendingAnnouncements() { }

    /// <summary>
    /// Archives a disclosure: refuses, saying why, unless <see cref="ArchiveRules"/> allows it (closed, no record of it yet,
    /// all of <paramref name="itsFeedback"/> closed), and queues the audit line saved with the record.
    /// </summary>
    public static ArchiveRecord Archive(Disclosure disclosure, bool alreadyArchived, IReadOnlyCollection<Feedback> itsFeedback,
        string organizationCode, int year, int sequence, Actor actor, DateTime utcNow, long chainIndex, string canonicalJson,
        string? previousDigest, string digest, IEnumerable<ArchiveFile> files)
    {
        ArchiveRules.Ensure(disclosure, alreadyArchived, itsFeedback);
        var record = new ArchiveRecord(organizationCode, disclosure, year, sequence, actor, utcNow, chainIndex, canonicalJson, previousDigest,
            digest, files);
        record.pendingAudit.Add(new AuditEntry(actor, utcNow, nameof(ArchiveRecord), 0, record.OrganizationId, WorkflowAction.Archive, null, null,
            record.ArchiveNumber));
        return record;
    }

    private ArchiveRecord(string organizationCode, Disclosure disclosure, int year, int sequence, Actor actor, DateTime utcNow,
        long chainIndex, string canonicalJson, string? previousDigest, string digest, IEnumerable<ArchiveFile> files)
    {
        if (sequence < 1) throw new DomainRuleException("Archive.SequenceInvalid");
        ArchiveNumber = FormatNumber(organizationCode, year, sequence);
        OrganizationId = disclosure.OrganizationId;
        Year = year;
        Sequence = sequence;
        DisclosureId = disclosure.Id;
        Category = disclosure.Category;
        Audience = disclosure.Audience;
        Title = disclosure.Title;
        ArchivedById = actor.UserId;
        ArchivedAtUtc = utcNow;
        ChainIndex = chainIndex;
        CanonicalJson = canonicalJson;
        PreviousDigest = previousDigest;
        Digest = digest;
        Files = files.ToList();
    }

    public static string FormatNumber(string organizationCode, int year, int sequence) => $"{organizationCode}-{year}-{sequence:0000}";
}
