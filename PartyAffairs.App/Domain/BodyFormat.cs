namespace PartyAffairs.App.Domain;

/// <summary>
/// How a stored body is written. Bodies were Markdown until the rich-text editor; since then they are clean HTML
/// (<c>BodyHtml.Sanitize</c>). Rows written before are converted once at startup; archive snapshots frozen before keep Markdown.
/// </summary>
public enum BodyFormat
{
    Markdown,
    Html,
}
