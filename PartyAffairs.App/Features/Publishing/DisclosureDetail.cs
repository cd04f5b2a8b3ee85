using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// One disclosure as its detail page shows it. <see cref="Version"/> is the one the person saw, handed back
/// to a review. The review history and audit trail are for those who work on the organization's disclosures;
/// a reader gets empty lists. <see cref="CanReview"/> says whether this person may approve or reject it now;
/// <see cref="Routing"/>, for those who work on it while it is still to be approved, who approves it and why.
/// </summary>
public sealed record DisclosureDetail(
    int Id,
    int Version,
    string Title,
    string Body,
    int OrganizationId,
    string OrganizationName,
    Category Category,
    DisclosureState State,
    Channel Channels,
    Audience Audience,
    DateTime DisplayFromUtc,
    DateTime DisplayUntilUtc,
    bool Important,
    bool Standing,
    string AuthorName,
    DateTime CreatedAtUtc,
    DateTime LastSavedAtUtc,
    DateTime? SubmittedAtUtc,
    DateTime? PublishedAtUtc,
    DateTime? ClosedAtUtc,
    bool InCatalogue,
    string? CatalogueItemTitle,
    string? OccurrenceLabel,
    string? OutOfCatalogueReason,
    string? ReviewComment,
    int? RevisesDisclosureId,
    int RevisionNumber,
    bool SeesWork,
    bool CanReview,
    ReviewRouting? Routing,
    IReadOnlyList<DisclosureVersionRow> Versions,
    IReadOnlyList<ApprovalRow> Approvals,
    IReadOnlyList<AttachmentRow> Attachments,
    IReadOnlyList<AuditRow> Audit,
    string? RevisionReason = null,
    int? SupersededByDisclosureId = null);
