namespace PartyAffairs.App.Domain;

/// <summary>
/// The record that a printed board was put up on the physical 公开栏 (issue 19): where and when, a photo as proof (its bytes
/// stored like an attachment, checked by content and hashed), and the disclosures it carried. Recorded once, audited.
/// </summary>
public sealed class BoardPosting : WorkflowEntity<BoardPostingState>
{
    public const int MaxLocationLength = 200;

    public int OrganizationId { get; private set; }
    public DateOnly PostedOn { get; private set; }
    public string Location { get; private set; } = "";
    public string PhotoFileName { get; private set; } = "";
    public string PhotoContentType { get; private set; } = "";
    public long PhotoSizeBytes { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the photo's bytes.</summary>
    public string PhotoSha256 { get; private set; } = "";
    /// <summary>Path relative to the data directory.</summary>
    public string PhotoStoredPath { get; private set; } = "";
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public List<BoardPostingItem> Items { get; private set; } = [];

    protected override int? AuditOrganizationId => OrganizationId;

    private BoardPosting() { }

    /// <summary>Records a posting after <see cref="BoardPostingRules"/>; <paramref name="items"/> are the disclosures as loaded.</summary>
    public BoardPosting(int organizationId, DateOnly postedOn, string location, StoredPhoto photo, IReadOnlyCollection<PostableItem> items,
        IReadOnlySet<int> organizationTree, Actor actor, DateTime utcNow, TimeZoneInfo zone)
    {
        if (!BoardPostingRules.MayRecord(actor, organizationId)) throw new AccessDeniedException("Access.NotYourOrganization");
        if (string.IsNullOrWhiteSpace(location)) throw new DomainRuleException("BoardPosting.LocationRequired");
        if (photo.SizeBytes <= 0 || photo.Sha256.Length != 64) throw new DomainRuleException("BoardPosting.PhotoRequired");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone));
        var problems = BoardPostingRules.Problems(postedOn, today, items, organizationTree, zone);
        if (problems.Count > 0) throw new DomainRuleException(problems[0]);
        OrganizationId = organizationId;
        PostedOn = postedOn;
        Location = location.Trim();
        PhotoFileName = photo.FileName;
        PhotoContentType = photo.ContentType;
        PhotoSizeBytes = photo.SizeBytes;
        PhotoSha256 = photo.Sha256.ToLowerInvariant();
        PhotoStoredPath = photo.StoredPath;
        RecordedById = actor.UserId;
        RecordedByName = actor.DisplayName;
        RecordedAtUtc = utcNow;
        Items = items.Select(i => i.DisclosureId).Distinct().Select(id => new BoardPostingItem(id)).ToList();
        State = BoardPostingState.Recorded;
        Touch(WorkflowAction.RecordBoardPosting, actor, utcNow, Location, to: State.ToString());
    }

    protected override IEnumerable<BoardPostingState> Next(BoardPostingState from) => [];
}
