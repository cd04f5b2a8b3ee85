using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// Everything frozen into an archive record (§5(二)4). Serialized canonically: properties in ordinal name order,
/// enums as names, times as UTC ISO-8601 with seven fractional digits, no indentation — so the same record always
/// gives the same bytes and the digest can be recomputed.
/// </summary>
public sealed record ArchiveSnapshot(
    int SchemaVersion,
    string ArchiveNumber,
    long ChainIndex,
    DateTime ArchivedAtUtc,
    string ArchivedById,
    string ArchivedByName,
    string OrganizationCode,
    string OrganizationName,
    ArchiveSnapshot.DisclosurePart Disclosure,
    IReadOnlyList<ArchiveSnapshot.VersionPart> Versions,
    IReadOnlyList<ArchiveSnapshot.AttachmentPart> Attachments,
    IReadOnlyList<ArchiveSnapshot.ApprovalPart> Approvals,
    IReadOnlyList<ArchiveSnapshot.FeedbackPart> Feedback,
    IReadOnlyList<ArchiveSnapshot.AuditPart> Audit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SearchText = null)
{
    /// <summary>
    /// 2: feedback carries who it was reported to, its public summary, the abusive flag and its re-disclosure.
    /// 3: bodies are clean HTML, said by <see cref="BodyFormat"/>; and <see cref="SearchText"/>, what the register's search indexes:
    /// the body's plain text, then each attachment's text. Older records have neither (neither is written for them, so their
    /// JSON reads back byte for byte); they stay indexed by body.
    /// </summary>
    public const int CurrentSchemaVersion = 3;

    /// <summary>
    /// How the bodies of the disclosure and its versions are written. Absent in records frozen before the rich-text editor,
    /// whose bodies are Markdown: their bytes (and so their digests) stay exactly as frozen.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BodyFormat? BodyFormat { get; init; }

    /// <summary>The format the bodies are in: Markdown for records frozen before it was recorded.</summary>
    [JsonIgnore]
    public BodyFormat BodiesAre => BodyFormat ?? Domain.BodyFormat.Markdown;

    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(), new UtcDateTimeConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SortPropertiesByName } },
    };

    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Canonical);

    public static ArchiveSnapshot FromCanonicalJson(string json) =>
        JsonSerializer.Deserialize<ArchiveSnapshot>(json, Canonical) ?? throw new JsonException("Empty archive snapshot.");

    public sealed record DisclosurePart(
        int Id, int OrganizationId, int? CatalogueOccurrenceId, string? OutOfCatalogueReason, Category Category,
        string Title, string Body, Channel Channels, Audience Audience, DateTime DisplayFromUtc, DateTime DisplayUntilUtc,
        bool Important, bool Standing, string AuthorId, string AuthorName, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc,
        DateTime? PublishedAtUtc, DateTime? ClosedAtUtc, string? ReviewComment, IReadOnlyList<string> SensitiveOverrideWords,
        string? SensitiveOverrideReason, int? RevisesDisclosureId, int RevisionNumber, DisclosureState State, int Version)
    {
        public static DisclosurePart From(Domain.Disclosure d) => new(
            d.Id, d.OrganizationId, d.CatalogueOccurrenceId, d.OutOfCatalogueReason, d.Category, d.Title, d.Body, d.Channels,
            d.Audience, d.DisplayFromUtc, d.DisplayUntilUtc, d.Important, d.Standing, d.AuthorId, d.AuthorName, d.CreatedAtUtc,
            d.SubmittedAtUtc, d.PublishedAtUtc, d.ClosedAtUtc, d.ReviewComment, d.SensitiveOverrideWords, d.SensitiveOverrideReason,
            d.RevisesDisclosureId, d.RevisionNumber, d.State, d.Version);
    }

    public sealed record VersionPart(
        int Number, string Title, string Body, Channel Channels, Audience Audience, DateTime DisplayFromUtc,
        DateTime DisplayUntilUtc, bool Important, string CreatedById, DateTime CreatedAtUtc)
    {
        public static VersionPart From(DisclosureVersion v) => new(
            v.Number, v.Title, v.Body, v.Channels, v.Audience, v.DisplayFromUtc, v.DisplayUntilUtc, v.Important, v.CreatedById, v.CreatedAtUtc);
    }

    /// <summary>An attachment as archived: <see cref="ArchivedPath"/> is relative to the archive store.</summary>
    public sealed record AttachmentPart(string FileName, string ContentType, long SizeBytes, string Sha256, string ArchivedPath,
        string UploadedById, DateTime UploadedAtUtc);

    public sealed record ApprovalPart(
        string ReviewerId, string ReviewerName, ApprovalDecision Decision, string? Comment, bool ConfidentialityConfirmed,
        bool ApprovedOwnItem, DateTime AtUtc)
    {
        public static ApprovalPart From(Approval a) => new(
            a.ReviewerId, a.ReviewerName, a.Decision, a.Comment, a.ConfidentialityConfirmed, a.ApprovedOwnItem, a.AtUtc);
    }

    public sealed record FeedbackPart(
        int Id, FeedbackChannel Channel, string Content, bool IsAnonymous, string? SenderName, string? SenderContact,
        string? SubmittedById, string? RegisteredById, DateTime ReceivedAtUtc, string? AssigneeId, string? AssigneeName,
        string? Answer, DateTime? AnsweredAtUtc, string? ReportedTo, string? ReportedToId, DateTime? ReportedAtUtc, string? Resolution,
        string? PublicSummary, DateTime? ResultDisclosedAtUtc, bool IsAbusive, int? RedisclosureId, DateTime? ClosedAtUtc, FeedbackState State)
    {
        public static FeedbackPart From(Domain.Feedback f) => new(
            f.Id, f.Channel, f.Content, f.IsAnonymous, f.SenderName, f.SenderContact,
            FeedbackAnonymity.HidesSender(f.IsAnonymous, f.Channel) ? null : f.SubmittedById, f.RegisteredById,
            f.ReceivedAtUtc, f.AssigneeId, f.AssigneeName, f.Answer, f.AnsweredAtUtc, f.ReportedTo, f.ReportedToId, f.ReportedAtUtc,
            f.Resolution, f.PublicSummary, f.ResultDisclosedAtUtc, f.IsAbusive, f.RedisclosureId, f.ClosedAtUtc, f.State);
    }

    public sealed record AuditPart(
        long Id, DateTime AtUtc, string ActorId, string ActorName, string EntityType, int EntityId, string Action,
        string? FromState, string? ToState, string? Reason)
    {
        /// <param name="anonymousFeedbackIds">The record's feedback that hides its sender: its submission is frozen as 匿名.</param>
        public static AuditPart From(AuditEntry a, IReadOnlySet<int> anonymousFeedbackIds) =>
            FeedbackAnonymity.Redacts(a.EntityType, a.Action, a.EntityId, anonymousFeedbackIds)
                ? new(a.Id, a.AtUtc, "", FeedbackAnonymity.ActorName, a.EntityType, a.EntityId, a.Action.ToString(), a.FromState, a.ToState, a.Reason)
                : new(a.Id, a.AtUtc, a.ActorId, a.ActorName, a.EntityType, a.EntityId, a.Action.ToString(), a.FromState, a.ToState, a.Reason);
    }

    // Ordinal name order, whatever order the records declare their properties in.
    private static void SortPropertiesByName(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var sorted = info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        info.Properties.Clear();
        foreach (var property in sorted) info.Properties.Add(property);
    }

    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        {
            // Stored times are UTC; an unspecified kind is UTC read back from SQLite, never local time.
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
            writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
        }
    }
}
