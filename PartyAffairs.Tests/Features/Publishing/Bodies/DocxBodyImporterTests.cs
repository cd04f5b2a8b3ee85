using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.App.Features.Publishing.Bodies;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace PartyAffairs.Tests.Features.Publishing.Bodies;

public sealed class DocxBodyImporterTests
{
    private static readonly DocxImportLimits Limits = new(MaxBytes: 5 * 1024 * 1024, MaxImages: 10);

    [Fact]
    public void A_Word_document_comes_in_with_its_headings_runs_lists_merged_table_cells_and_image()
    {
        var result = Import(BuildDocx(images: 1), "公示.docx");

        result.Refusal.ShouldBeNull();
        var import = result.Import!;
        import.Images.Count.ShouldBe(1);
        var image = import.Images[0];
        image.ContentType.ShouldBe("image/png");
        image.FileName.ShouldEndWith(".png");
        image.Content.ShouldBe(DemoFiles.BoardPng());
        import.Html.ShouldBe(
            // WPS-style ids "1", "2" resolve by style name; heading 1 and 2 both become h2 as pasted HTML does, 3 becomes h3.
            "<h2>党费收缴情况公示</h2>" +
            "<h2>一、收缴情况</h2>" +
            "<h3>（一）明细</h3>" +
            "<p style=\"text-align: center\">本季度党费<strong>按时足额</strong>交纳，<em>斜体</em>与<u>下划线</u>。</p>" +
            "<ol><li>按月交纳</li><li>足额交纳<ul><li>特殊情况可补交</li></ul></li></ol>" +
            "<ul><li>要点</li></ul>" +
            "<table><tbody>" +
            "<tr><td colspan=\"2\">项目</td><td>金额</td></tr>" +
            "<tr><td rowspan=\"2\">党费</td><td>应交</td><td>100</td></tr>" +
            "<tr><td>实交</td><td>100</td></tr>" +
            "</tbody></table>" +
            $"<p><img src=\"{image.Placeholder}\">附图</p>");
    }

    [Fact]
    public void The_caller_swaps_image_placeholders_for_attachment_urls_and_unstored_images_are_dropped()
    {
        var import = Import(BuildDocx(images: 2), "公示.docx").Import!;
        import.Images.Count.ShouldBe(2);
        const string url = "/attachments/9/image1.png";

        var html = import.WithImageUrls(new Dictionary<string, string> { [import.Images[0].Placeholder] = url }, u => u == url);

        html.ShouldContain($"<img src=\"{url}\">");
        html.ShouldNotContain("docx-image-");
        html.ShouldNotContain(import.Images[1].Placeholder);
    }

    [Fact]
    public void The_same_image_used_twice_is_one_attachment()
    {
        var import = Import(BuildDocx(images: 1, reuseImage: true), "公示.docx").Import!;

        import.Images.Count.ShouldBe(1);
        import.Html.Split(import.Images[0].Placeholder).Length.ShouldBe(3);
    }

    [Fact]
    public void Headings_come_from_a_title_style_or_an_outline_level_and_hyperlinks_stay_links()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(HeadingStyle("a5", "Title"), HeadingStyle("a6", "标题 1"));
            var link = main.AddHyperlinkRelationship(new Uri("https://example.org/notice"), true);
            var script = main.AddHyperlinkRelationship(new Uri("javascript:alert(1)", UriKind.RelativeOrAbsolute), true);
            main.Document = new Document(new Body(
                Styled("a5", "标题样式"),
                Styled("a6", "中文标题 1 样式"),
                new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 2 }), new Run(new Text("大纲级别 3"))),
                new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 9 }), new Run(new Text("正文级别"))),
                new Paragraph(
                    new Hyperlink(new Run(new Text("公告链接"))) { Id = link.Id },
                    new Hyperlink(new Run(new Text("脚本链接"))) { Id = script.Id })));
        }

        Import(buffer.ToArray(), "标题.docx").Import!.Html.ShouldBe(
            "<h2>标题样式</h2><h2>中文标题 1 样式</h2><h3>大纲级别 3</h3><p>正文级别</p>" +
            "<p><a href=\"https://example.org/notice\" rel=\"noopener noreferrer\">公告链接</a>脚本链接</p>");
    }

    [Fact]
    public void An_old_binary_doc_is_refused() =>
        Import(Ole(), "旧文档.doc").Refusal.ShouldBe(DocxRefusal.LegacyDoc);

    [Fact]
    public void A_WPS_document_is_refused() =>
        Import(Ole(), "支部材料.wps").Refusal.ShouldBe(DocxRefusal.WpsDocument);

    [Fact]
    public void A_password_protected_docx_is_refused_even_under_its_docx_name() =>
        Import(Ole(encrypted: true), "加密.docx").Refusal.ShouldBe(DocxRefusal.PasswordProtected);

    [Fact]
    public void A_broken_zip_is_refused() =>
        Import(BuildDocx(images: 0)[..200], "截断.docx").Refusal.ShouldBe(DocxRefusal.BrokenFile);

    [Fact]
    public void A_zip_that_is_not_a_Word_document_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("不是 Word 文档");
        }

        Import(buffer.ToArray(), "压缩包.docx").Refusal.ShouldBe(DocxRefusal.NotWordDocument);
        Import(Encoding.UTF8.GetBytes("纯文本"), "文本.docx").Refusal.ShouldBe(DocxRefusal.NotWordDocument);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var docx = BuildDocx(images: 1);

        DocxBodyImporter.Import(new MemoryStream(docx), "大文件.docx", Limits with { MaxBytes = docx.Length - 1 }).Refusal.ShouldBe(DocxRefusal.TooLarge);
        DocxBodyImporter.Import(new MemoryStream(docx), "大文件.docx", Limits with { MaxUnpackedBytes = 1000 }).Refusal.ShouldBe(DocxRefusal.TooLarge);
        DocxBodyImporter.Import(new MemoryStream(docx), "刚好.docx", Limits with { MaxBytes = docx.Length }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_document_with_too_many_images_is_refused()
    {
        var docx = BuildDocx(images: 3);

        DocxBodyImporter.Import(new MemoryStream(docx), "多图.docx", Limits with { MaxImages = 2 }).Refusal.ShouldBe(DocxRefusal.TooManyImages);
        DocxBodyImporter.Import(new MemoryStream(docx), "多图.docx", Limits with { MaxImages = 3 }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Every_refusal_has_a_message_in_Chinese_and_English()
    {
        var zh = File.ReadAllText(ResxPath("DraftStrings.resx"));
        var en = File.ReadAllText(ResxPath("DraftStrings.en.resx"));
        foreach (var refusal in Enum.GetValues<DocxRefusal>())
        {
            var key = DocxBodyImporter.MessageKey(refusal);
            zh.ShouldContain($"<data name=\"{key}\"");
            en.ShouldContain($"<data name=\"{key}\"");
        }
    }

    private static string ResxPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PartyAffairs.sln"))) directory = directory.Parent;
        return Path.Combine(directory!.FullName, "PartyAffairs.App", "Resources", name);
    }

    private static DocxImportResult Import(byte[] content, string name) => DocxBodyImporter.Import(new MemoryStream(content), name, Limits);

    /// <summary>An OLE compound file header, as .doc, .wps and encrypted .docx files begin; an encrypted one names its EncryptedPackage stream.</summary>
    internal static byte[] Ole(bool encrypted = false)
    {
        var bytes = new byte[2048];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        var name = Encoding.Unicode.GetBytes(encrypted ? "EncryptedPackage" : "WordDocument");
        name.CopyTo(bytes, 0x400);
        return bytes;
    }

    /// <summary>
    /// A .docx as WPS writes one: heading styles with ids "1", "2" and names "heading 1", "标题 2"; a bold/italic/underlined
    /// centred paragraph; a decimal list with a bulleted sub-item and a separate bullet list; a table with a cell spanning two
    /// grid columns and a cell merged down two rows; and embedded PNGs.
    /// </summary>
    internal static byte[] BuildDocx(int images, bool reuseImage = false)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                HeadingStyle("1", "heading 1"),
                HeadingStyle("2", "标题 2"),
                HeadingStyle("Heading3", "heading 3"));
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 1 })
                { AbstractNumberId = 0 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 });

            var body = new Body(
                Styled("1", "党费收缴情况公示"),
                Styled("2", "一、收缴情况"),
                Styled("Heading3", "（一）明细"),
                new Paragraph(
                    new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                    new Run(new RunProperties(new RunFonts { EastAsia = "仿宋_GB2312" }, new Color { Val = "FF0000" }), new Text("本季度党费")),
                    new Run(new RunProperties(new Bold()), new Text("按时足额")),
                    new Run(new Text("交纳，")),
                    new Run(new RunProperties(new Italic()), new Text("斜体")),
                    new Run(new Text("与")),
                    new Run(new RunProperties(new Underline { Val = UnderlineValues.Single }), new Text("下划线")),
                    new Run(new RunProperties(new Bold { Val = false }), new Text("。"))),
                ListParagraph(1, 0, "按月交纳"),
                ListParagraph(1, 0, "足额交纳"),
                ListParagraph(1, 1, "特殊情况可补交"),
                ListParagraph(2, 0, "要点"),
                MergedTable(),
                new Paragraph(new Run(new Text("")))); // an empty paragraph, as Word leaves them

            var pictures = new List<OpenXmlElement>();
            string? first = null;
            for (var i = 0; i < images; i++)
            {
                var part = main.AddImagePart(ImagePartType.Png);
                using (var png = new MemoryStream(DemoFiles.BoardPng(120 + i, 40))) part.FeedData(png);
                var id = main.GetIdOfPart(part);
                first ??= id;
                pictures.Add(new Run(ImageDrawing(id, (uint)i + 1)));
            }
            if (reuseImage && first is not null) pictures.Add(new Run(ImageDrawing(first, 99)));
            body.Append(new Paragraph([.. pictures, new Run(new Text("附图"))]));
            main.Document = new Document(body);
        }
        return buffer.ToArray();
    }

    private static Style HeadingStyle(string id, string name) =>
        new(new StyleName { Val = name }, new StyleRunProperties(new Bold())) { Type = StyleValues.Paragraph, StyleId = id };

    private static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text)));

    private static Paragraph ListParagraph(int numId, int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
            new Run(new Text(text)));

    /// <summary>Grid of three columns: 项目 spans two; 党费 is merged down two rows.</summary>
    private static Table MergedTable() => new(
        new TableGrid(new GridColumn(), new GridColumn(), new GridColumn()),
        new TableRow(
            Cell("项目", new GridSpan { Val = 2 }),
            Cell("金额")),
        new TableRow(
            Cell("党费", new VerticalMerge { Val = MergedCellValues.Restart }),
            Cell("应交"),
            Cell("100")),
        new TableRow(
            Cell("", new VerticalMerge()),
            Cell("实交"),
            Cell("100")));

    private static TableCell Cell(string text, params OpenXmlElement[] properties) =>
        new(new TableCellProperties(properties), new Paragraph(new Run(new Text(text))));

    private static Drawing ImageDrawing(string relationshipId, uint id) => new(
        new DW.Inline(
            new DW.Extent { Cx = 990000, Cy = 330000 },
            new DW.DocProperties { Id = id, Name = $"图片 {id}" },
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = $"image{id}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties()))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" })));
}
