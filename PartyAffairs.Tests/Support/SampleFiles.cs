using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartyAffairs.App.Hosting.Seeding;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;

namespace PartyAffairs.Tests.Support;

/// <summary>Real attachments built in the test: a PDF with a text layer, a scanned PDF (an image only), a .docx and a PNG.</summary>
public static class SampleFiles
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PngType = "image/png";

    /// <summary>PdfPig writes text only in the standard-14 fonts, which cannot encode Chinese: the text is Latin.</summary>
    public static byte[] PdfWithText(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText(text, 12, new PdfPoint(72, 720), font);
        return builder.Build();
    }

    public static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddPng(DemoFiles.BoardPng(), new PdfRectangle(72, 600, 472, 733));
        return builder.Build();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        }
        return buffer.ToArray();
    }

    public static byte[] Png() => DemoFiles.BoardPng();
}
