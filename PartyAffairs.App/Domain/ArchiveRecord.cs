namespace PartyAffairs.App.Domain;

/// <summary>
/// The frozen record of one closed disclosure (归档保管, §5(二)4). Written once, never updated or
/// deleted; its digest covers its canonical JSON, its files' hashes and the previous record's digest.
/// </summary>
public sealed class ArchiveRecord
{
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

    public ArchiveRecord(string organizationCode, int organizationId, int year, int sequence, Disclosure disclosure,
        Actor actor, DateTime utcNow, long chainIndex, string canonicalJson, string? previousDigest, string digest,
        IEnumerable<ArchiveFile> files)
    {
        if (disclosure.State != DisclosureState.Closed) throw new DomainRuleException("Archive.DisclosureNotClosed");
        if (sequence < 1) throw new DomainRuleException("Archive.SequenceInvalid");
        ArchiveNumber = FormatNumber(organizationCode, year, sequence);
        OrganizationId = organizationId;
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
