using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.App.Features.Publishing.Lifecycle;

/// <summary>
/// What a re-disclosure changed against the disclosure it revises: the title line by line, the body as a reader compares it
/// (<see cref="BodyDiff"/>: text block by block, tables cell by cell, never the HTML source), and the attachments
/// added or removed (a file replaced under the same name shows as one removed and one added).
/// </summary>
public sealed record DisclosureDiff(int PreviousId, IReadOnlyList<DiffLine> Title, BodyDiff Body,
    IReadOnlyList<AttachmentChange> Attachments)
{
    public bool HasChanges => Title.Any(l => l.Kind != ChangeType.Unchanged) || Body.HasChanges || Attachments.Count > 0;

    /// <summary>The one comparison the reviewer's page and the public history both show.</summary>
    public static DisclosureDiff Between(int previousId, DisclosureText before, DisclosureText after) =>
        new(previousId, Lines(before.Title, after.Title), BodyDiff.Between(before.Body, after.Body),
            before.Files.Except(after.Files).Select(f => new AttachmentChange(f.FileName, ChangeType.Deleted))
                .Concat(after.Files.Except(before.Files).Select(f => new AttachmentChange(f.FileName, ChangeType.Inserted)))
                .ToList());

    public static IReadOnlyList<DiffLine> Lines(string before, string after) =>
        InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines
            .Select(l => new DiffLine(l.Type, l.Text ?? "")).ToList();
}

/// <summary>A file a correction added (<see cref="ChangeType.Inserted"/>) or dropped (<see cref="ChangeType.Deleted"/>).</summary>
public sealed record AttachmentChange(string FileName, ChangeType Kind);

/// <summary>A file as the diff compares it: the same name and the same bytes are the same file.</summary>
public sealed record DiffedFile(string FileName, string Sha256);

/// <summary>What a diff compares of one version.</summary>
public sealed record DisclosureText(string Title, string Body, IReadOnlyList<DiffedFile> Files);
