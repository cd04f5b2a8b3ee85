using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Lifecycle;

namespace PartyAffairs.App.Features.Board;

/// <summary>An item's public page: its content (already sanitized HTML), files, period, history and disclosed feedback results.</summary>
public sealed record BoardItem(
    int Id,
    string Title,
    string OrganizationName,
    Category Category,
    bool Standing,
    string ContentHtml,
    DateTime DisplayFromUtc,
    DateTime DisplayUntilUtc,
    DateTime? PublishedAtUtc,
    DateTime? ClosedAtUtc,
    bool OnDisplay,
    int RevisionNumber,
    IReadOnlyList<BoardAttachment> Attachments,
    IReadOnlyList<BoardVersion> Versions,
    IReadOnlyList<BoardRevision> Revisions,
    DisclosureDiff? ChangesFromPrevious,
    IReadOnlyList<BoardResult> Results,
    string? RevisionReason,
    BoardRevision? SupersededBy);
