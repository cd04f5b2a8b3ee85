using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Extracts the text of an uploaded attachment for the board's and the archive's search: PDFs with PdfPig (every page, in
/// content order), .docx with OpenXml (paragraph by paragraph, tables included). The kind is decided by the content, not the
/// name. Bounded in characters and in unpacked size; a file it cannot read yields no text — uploads never fail because of it.
/// </summary>
public static class AttachmentText
{
    public const int DefaultMaxCharacters = 200_000;

    /// <summary>A scan of a few thousand pages would otherwise be read page by page for nothing.</summary>
    public const int MaxPages = 2_000;

    public static AttachmentTextResult Extract(byte[] content, int maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            if (IsPdf(content)) return Pdf(content, maxCharacters);
            if (content.Length > 4 && content[0] == 'P' && content[1] == 'K') return Docx(content, maxCharacters);
        }
        // A malformed upload can throw anything from a third-party parser; search simply does without its text.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }
        return AttachmentTextResult.None;
    }

    /// <summary>"%PDF-" within the first kilobyte, as readers accept it.</summary>
    private static bool IsPdf(byte[] content) =>
        content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    private static AttachmentTextResult Pdf(byte[] content, int maxCharacters)
    {
        using var document = PdfDocument.Open(content);
        var text = new StringBuilder();
        foreach (var page in document.GetPages().Take(MaxPages))
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(ContentOrderTextExtractor.GetText(page));
            if (text.Length >= maxCharacters) break;
        }
        var result = Bound(text, maxCharacters);
        return new AttachmentTextResult(result, Scanned: document.NumberOfPages > 0 && string.IsNullOrWhiteSpace(result));
    }

    private static AttachmentTextResult Docx(byte[] content, int maxCharacters)
    {
        // Unpacked XML is bounded too: a small zip can hold gigabytes.
        var settings = new OpenSettings { MaxCharactersInPart = 50L * 1024 * 1024 };
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false, settings);
        if (document.MainDocumentPart?.Document?.Body is not { } body) return AttachmentTextResult.None;
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            foreach (var piece in paragraph.Descendants<Text>()) text.Append(piece.Text);
            text.Append('\n');
            if (text.Length >= maxCharacters) break;
        }
        return new AttachmentTextResult(Bound(text, maxCharacters), false);
    }

    private static string Bound(StringBuilder text, int maxCharacters)
    {
        var result = text.Length > maxCharacters ? text.ToString(0, maxCharacters) : text.ToString();
        return result.Trim();
    }
}
