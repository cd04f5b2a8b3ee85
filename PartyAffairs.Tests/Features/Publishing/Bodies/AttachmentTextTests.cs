using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.App.Features.Publishing.Bodies;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PartyAffairs.Tests.Features.Publishing.Bodies;

public sealed class AttachmentTextTests
{
    /// <summary>
    /// PdfPig writes text only in the standard-14 fonts, which cannot encode Chinese, so the generated PDF is in English;
    /// the demo's own Chinese PDFs (predefined STSong-Light font) are covered by the next test.
    /// </summary>
    [Fact]
    public void The_text_of_every_page_of_a_PDF_is_extracted()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Party dues collected in full", 12, new PdfPoint(72, 720), font);
        builder.AddPage(PageSize.A4).AddText("Second page notice", 12, new PdfPoint(72, 720), font);

        var result = AttachmentText.Extract(builder.Build());

        result.Scanned.ShouldBeFalse();
        result.Text.ShouldContain("Party dues collected in full");
        result.Text.ShouldContain("Second page notice");
    }

    [Fact]
    public void The_demo_bureaus_Chinese_PDFs_are_searchable()
    {
        var result = AttachmentText.Extract(DemoFiles.Pdf(["党费收缴明细", "应交党费党员  23 人"]));

        result.Scanned.ShouldBeFalse();
        result.Text.ShouldContain("党费收缴明细");
    }

    [Fact]
    public void A_PDF_with_only_an_image_is_marked_as_scanned()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddPng(DemoFiles.BoardPng(), new PdfRectangle(72, 600, 472, 733));

        var result = AttachmentText.Extract(builder.Build());

        result.ShouldBe(new AttachmentTextResult("", Scanned: true));
    }

    [Fact]
    public void The_paragraphs_and_table_text_of_a_docx_are_extracted()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text("关于开展结对帮扶")), new Run(new Text("困难群众活动的公告"))),
                new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("帮扶对象：低保家庭")))))),
                new Paragraph(new Run(new Text("欢迎群众监督。")))));
        }

        var result = AttachmentText.Extract(buffer.ToArray());

        result.ShouldBe(new AttachmentTextResult("关于开展结对帮扶困难群众活动的公告\n帮扶对象：低保家庭\n欢迎群众监督。", false));
    }

    [Fact]
    public void Text_is_cut_at_the_limit()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                Enumerable.Range(0, 100).Select(i => new Paragraph(new Run(new Text($"第{i}段党务公开内容"))))));
        }

        AttachmentText.Extract(buffer.ToArray(), maxCharacters: 50).Text.Length.ShouldBeLessThanOrEqualTo(50);
    }

    public static TheoryData<byte[]> Unreadable => new()
    {
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog"u8.ToArray(),
        new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02 },
        DemoFiles.BoardPng(),
        Array.Empty<byte>(),
        "纯文本文件"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_broken_or_unsupported_file_gives_no_text_and_no_exception(byte[] content) =>
        AttachmentText.Extract(content).ShouldBe(AttachmentTextResult.None);
}
