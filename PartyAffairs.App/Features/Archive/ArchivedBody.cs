using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// A frozen body as its record says it is written: records frozen before the rich-text editor hold Markdown, converted for
/// display only (the record itself is never touched); later ones hold the clean HTML the disclosure showed.
/// </summary>
public static class ArchivedBody
{
    public static string Html(ArchiveSnapshot snapshot) => snapshot.BodiesAre == BodyFormat.Markdown
        ? MarkdownBodies.ToHtml(snapshot.Disclosure.Body)
        // Cleaned on write already; cleaned again because this is markup from a stored string. Its images were the item's own files.
        : BodyHtml.Sanitize(snapshot.Disclosure.Body, url => AttachmentUrls.IdOf(url) is not null);

    /// <summary>The body for a reader without the app (the archive package's content file).</summary>
    public static string Text(ArchiveSnapshot snapshot) => snapshot.BodiesAre == BodyFormat.Markdown
        ? snapshot.Disclosure.Body
        : BodyHtml.ToPlainText(snapshot.Disclosure.Body);
}
