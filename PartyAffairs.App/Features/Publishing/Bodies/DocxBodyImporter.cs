using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using V = DocumentFormat.OpenXml.Vml;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Reads a .docx into a clean body: headings (by style name — Heading 1/2/3, 标题 1/2/3, Title — or outline level, resolved
/// through the styles part because WPS names its style ids "1", "2"), paragraphs with alignment and indent, bold, italic and
/// underline, numbered and bulleted lists (decimal or bullet from the numbering part), tables with merged cells (gridSpan →
/// colspan, vMerge → rowspan) and embedded images, returned for the caller to store as attachments. Everything it writes
/// goes through <see cref="BodyHtml.Sanitize"/>. Files it cannot read are refused with a reason, never an exception.
/// </summary>
public static partial class DocxBodyImporter
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    /// <summary>Image types a browser shows; Word's EMF/WMF drawings and TIFF scans are not among them.</summary>
    private static readonly Dictionary<string, string> ShownImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ".png", ["image/jpeg"] = ".jpg", ["image/gif"] = ".gif", ["image/bmp"] = ".bmp", ["image/webp"] = ".webp",
    };

    public static DocxImportResult Import(Stream content, string fileName, DocxImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = ReadBounded(content, limits.MaxBytes);
        if (bytes is null) return DocxImportResult.Refused(DocxRefusal.TooLarge);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();

        if (bytes.AsSpan().StartsWith(OleSignature))
        {
            // Office writes a password-protected .docx as an OLE compound file whose directory names an EncryptedPackage stream.
            if (bytes.AsSpan().IndexOf(EncryptedPackage) >= 0) return DocxImportResult.Refused(DocxRefusal.PasswordProtected);
            return DocxImportResult.Refused(extension == ".wps" ? DocxRefusal.WpsDocument : DocxRefusal.LegacyDoc);
        }
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            return DocxImportResult.Refused(extension switch
            {
                ".wps" => DocxRefusal.WpsDocument,
                ".doc" => DocxRefusal.LegacyDoc,
                _ => DocxRefusal.NotWordDocument,
            });
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > limits.MaxUnpackedBytes) return DocxImportResult.Refused(DocxRefusal.TooLarge);
        }
        catch (InvalidDataException)
        {
            return DocxImportResult.Refused(DocxRefusal.BrokenFile);
        }

        WordprocessingDocument document;
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes };
            document = WordprocessingDocument.Open(new MemoryStream(bytes), false, settings);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or FileFormatException or NotSupportedException)
        {
            return DocxImportResult.Refused(DocxRefusal.NotWordDocument);
        }

        using (document)
        {
            try
            {
                if (document.MainDocumentPart?.Document?.Body is not { } body) return DocxImportResult.Refused(DocxRefusal.NotWordDocument);
                var reader = new DocxReader(document.MainDocumentPart, limits.MaxImages);
                var html = reader.Read(body);
                var placeholders = reader.Images.Select(i => i.Placeholder).ToHashSet(StringComparer.Ordinal);
                return new DocxImportResult(new DocxImport(BodyHtml.Sanitize(html, placeholders.Contains), reader.Images, reader.SkippedImages), null);
            }
            catch (TooManyImagesException)
            {
                return DocxImportResult.Refused(DocxRefusal.TooManyImages);
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or OpenXmlPackageException or IOException or InvalidOperationException)
            {
                return DocxImportResult.Refused(DocxRefusal.BrokenFile);
            }
        }
    }

    /// <summary>The resx key of the message a refusal shows.</summary>
    public static string MessageKey(DocxRefusal refusal) => $"Draft.Import.{refusal}";

    /// <summary>Reads the stream up to <paramref name="maxBytes"/>; null when it holds more.</summary>
    private static byte[]? ReadBounded(Stream content, long maxBytes)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private sealed class TooManyImagesException : Exception;

    private sealed record StyleInfo(string? Name, string? BasedOn, int? OutlineLevel, int? NumberingId, int? NumberingLevel, bool? Bold, bool? Italic, bool? Underline);

    private sealed record Cell(int ColSpan, string Html)
    {
        public int RowSpan { get; set; } = 1;
    }

    /// <summary>One document's conversion: styles and numbering resolved once, images collected as they are met.</summary>
    private sealed partial class DocxReader
    {
        private readonly MainDocumentPart main;
        private readonly int maxImages;
        private readonly Dictionary<string, StyleInfo> styles = new(StringComparer.Ordinal);
        private readonly Dictionary<int, int> abstractByNumbering = [];
        private readonly Dictionary<(int Abstract, int Level), bool> bulletLevels = [];
        private readonly Dictionary<Uri, ImportedImage> images = [];

        public DocxReader(MainDocumentPart main, int maxImages)
        {
            this.main = main;
            this.maxImages = maxImages;
            ReadStyles();
            ReadNumbering();
        }

        public List<ImportedImage> Images => [.. images.Values];

        public int SkippedImages { get; private set; }

        public string Read(Body body)
        {
            var html = new StringBuilder();
            Blocks(body, html, depth: 0);
            return html.ToString();
        }

        private void ReadStyles()
        {
            foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
            {
                if (style.StyleId?.Value is not { } id) continue;
                var pPr = style.StyleParagraphProperties;
                var rPr = style.StyleRunProperties;
                styles[id] = new StyleInfo(style.StyleName?.Val?.Value, style.BasedOn?.Val?.Value, pPr?.OutlineLevel?.Val?.Value,
                    pPr?.NumberingProperties?.NumberingId?.Val?.Value, pPr?.NumberingProperties?.NumberingLevelReference?.Val?.Value,
                    On(rPr?.Bold), On(rPr?.Italic), rPr?.Underline is { } u ? u.Val is null || u.Val.Value != UnderlineValues.None : null);
            }
        }

        private void ReadNumbering()
        {
            var numbering = main.NumberingDefinitionsPart?.Numbering;
            if (numbering is null) return;
            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (instance.NumberID?.Value is { } id && instance.AbstractNumId?.Val?.Value is { } abstractId) abstractByNumbering[id] = abstractId;
            }
            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                if (abstractNum.AbstractNumberId?.Value is not { } abstractId) continue;
                foreach (var level in abstractNum.Elements<Level>())
                {
                    var format = level.NumberingFormat?.Val;
                    bulletLevels[(abstractId, level.LevelIndex?.Value ?? 0)] = format is not null && format.Value == NumberFormatValues.Bullet;
                }
            }
        }

        private static bool? On(OnOffType? value) => value is null ? null : value.Val is null || value.Val.Value;

        /// <summary>Follows a style's basedOn chain (bounded: a file may loop it) and returns the first value found.</summary>
        private T? FromStyle<T>(string? styleId, Func<StyleInfo, T?> pick) where T : struct
        {
            for (var i = 0; i < 12 && styleId is not null && styles.TryGetValue(styleId, out var style); i++)
            {
                if (pick(style) is { } value) return value;
                styleId = style.BasedOn;
            }
            return null;
        }

        private int HeadingLevel(Paragraph paragraph)
        {
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var byName = FromStyle(styleId, s => s.Name is { } name ? NameLevel(name) : null);
            if (byName is { } level) return level;
            var outline = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value ?? FromStyle(styleId, s => s.OutlineLevel);
            // Outline level 9 is body text; 0–5 are headings 1–6.
            return outline is >= 0 and < 6 ? outline.Value + 1 : 0;
        }

        private static int? NameLevel(string name)
        {
            var match = HeadingName().Match(name.Trim());
            if (match.Success) return int.Parse(match.Groups[2].Value);
            return name.Trim().ToLowerInvariant() is "title" or "标题" ? 1 : null;
        }

        /// <summary>The paragraph's list level (1-based) and whether it is bulleted; null when it is not a list item.</summary>
        private (int Level, bool Bullet)? ListItem(Paragraph paragraph)
        {
            var numPr = paragraph.ParagraphProperties?.NumberingProperties;
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var numId = numPr?.NumberingId?.Val?.Value ?? FromStyle(styleId, s => s.NumberingId);
            if (numId is null or 0 || !abstractByNumbering.TryGetValue(numId.Value, out var abstractId)) return null;
            var level = numPr?.NumberingLevelReference?.Val?.Value ?? FromStyle(styleId, s => s.NumberingLevel) ?? 0;
            return (Math.Clamp(level, 0, 8) + 1, bulletLevels.GetValueOrDefault((abstractId, level)));
        }

        private void Blocks(OpenXmlElement container, StringBuilder html, int depth)
        {
            var lists = new ListWriter(html);
            foreach (var child in container.Elements())
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        var heading = HeadingLevel(paragraph);
                        var inline = Inline(paragraph, depth);
                        if (heading == 0 && ListItem(paragraph) is { } item)
                        {
                            lists.Add(item.Level, item.Bullet, inline);
                            break;
                        }
                        lists.CloseAll();
                        var name = heading > 0 ? $"h{heading}" : "p";
                        html.Append('<').Append(name).Append(ParagraphStyle(paragraph)).Append('>').Append(inline).Append("</").Append(name).Append('>');
                        break;
                    case Table table:
                        lists.CloseAll();
                        if (depth < 8) Table(table, html, depth + 1);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                        lists.CloseAll();
                        Blocks(sdtContent, html, depth + 1);
                        break;
                    case CustomXmlBlock custom:
                        lists.CloseAll();
                        Blocks(custom, html, depth + 1);
                        break;
                }
            }
            lists.CloseAll();
        }

        private static string ParagraphStyle(Paragraph paragraph)
        {
            var pPr = paragraph.ParagraphProperties;
            var parts = new List<string>();
            var justification = pPr?.Justification?.Val;
            if (justification is not null)
            {
                var value = justification.Value;
                if (value == JustificationValues.Center) parts.Add("text-align:center");
                else if (value == JustificationValues.Right || value == JustificationValues.End) parts.Add("text-align:right");
                else if (value == JustificationValues.Both || value == JustificationValues.Distribute) parts.Add("text-align:justify");
            }
            // Left indent in twentieths of a point; the sanitizer turns points into 2em steps.
            if (int.TryParse(pPr?.Indentation?.Left?.Value ?? pPr?.Indentation?.Start?.Value, out var twips) && twips > 0)
                parts.Add($"margin-left:{twips / 20.0:0.#}pt");
            return parts.Count == 0 ? "" : $" style=\"{string.Join(';', parts)}\"";
        }

        private string Inline(OpenXmlElement parent, int depth)
        {
            var html = new StringBuilder();
            InlineInto(parent, html, depth);
            return html.ToString();
        }

        private void InlineInto(OpenXmlElement parent, StringBuilder html, int depth)
        {
            if (depth > 32) return;
            foreach (var child in parent.Elements())
            {
                switch (child)
                {
                    case ParagraphProperties or DeletedRun or MoveFromRun:
                        break;
                    case Run run:
                        RunInto(run, html);
                        break;
                    case Hyperlink link:
                        var url = link.Id?.Value is { } id ? main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri : null;
                        if (url is not null) html.Append("<a href=\"").Append(Encode(url.OriginalString)).Append("\">");
                        InlineInto(link, html, depth + 1);
                        if (url is not null) html.Append("</a>");
                        break;
                    default:
                        // Inserted runs, fields, content controls, smart tags: their runs are the text.
                        InlineInto(child, html, depth + 1);
                        break;
                }
            }
        }

        private void RunInto(Run run, StringBuilder html)
        {
            var rPr = run.RunProperties;
            var styleId = rPr?.RunStyle?.Val?.Value;
            var bold = On(rPr?.Bold) ?? FromStyle(styleId, s => s.Bold) ?? false;
            var italic = On(rPr?.Italic) ?? FromStyle(styleId, s => s.Italic) ?? false;
            var underline = rPr?.Underline is { } u ? u.Val is null || u.Val.Value != UnderlineValues.None : FromStyle(styleId, s => s.Underline) ?? false;
            var text = new StringBuilder();
            foreach (var piece in run.Elements())
            {
                switch (piece)
                {
                    case Text t:
                        text.Append(Encode(t.Text));
                        break;
                    case TabChar:
                        text.Append(' ');
                        break;
                    case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                    case CarriageReturn:
                        text.Append("<br>");
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case Drawing drawing:
                        foreach (var blip in drawing.Descendants<A.Blip>()) text.Append(Image(blip.Embed?.Value));
                        break;
                    case Picture picture:
                        foreach (var data in picture.Descendants<V.ImageData>()) text.Append(Image(data.RelationshipId?.Value));
                        break;
                }
            }
            if (text.Length == 0) return;
            if (bold) html.Append("<strong>");
            if (italic) html.Append("<em>");
            if (underline) html.Append("<u>");
            html.Append(text);
            if (underline) html.Append("</u>");
            if (italic) html.Append("</em>");
            if (bold) html.Append("</strong>");
        }

        private string Image(string? relationshipId)
        {
            if (relationshipId is null) return "";
            OpenXmlPart part;
            try { part = main.GetPartById(relationshipId); }
            catch (Exception e) when (e is ArgumentOutOfRangeException or KeyNotFoundException) { return ""; }
            if (part is not ImagePart imagePart) return "";
            if (images.TryGetValue(imagePart.Uri, out var known)) return $"<img src=\"{known.Placeholder}\">";
            if (!ShownImageTypes.TryGetValue(imagePart.ContentType, out var extension))
            {
                SkippedImages++;
                return "";
            }
            if (images.Count >= maxImages) throw new TooManyImagesException();
            using var stream = imagePart.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var number = images.Count + 1;
            var fileName = Path.GetFileNameWithoutExtension(imagePart.Uri.OriginalString) + extension;
            // Fixed-width and unguessable by chance in text: the caller swaps it for the attachment URL.
            var image = new ImportedImage($"docx-image-{number:D4}", fileName, imagePart.ContentType, copy.ToArray());
            images[imagePart.Uri] = image;
            return $"<img src=\"{image.Placeholder}\">";
        }

        private void Table(Table table, StringBuilder html, int depth)
        {
            var rows = new List<(bool Header, List<Cell> Cells)>();
            var open = new Dictionary<int, Cell>();
            var leadingHeader = true;
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = new List<Cell>();
                var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                foreach (var tc in row.Elements<TableCell>())
                {
                    var properties = tc.TableCellProperties;
                    var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                    var merge = properties?.VerticalMerge;
                    var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                    if (continues && open.TryGetValue(column, out var above))
                    {
                        above.RowSpan++;
                        column += span;
                        continue;
                    }
                    var content = new StringBuilder();
                    Blocks(tc, content, depth);
                    var cell = new Cell(span, content.ToString());
                    if (merge is not null && merge.Val is not null && merge.Val.Value == MergedCellValues.Restart) open[column] = cell;
                    else open.Remove(column);
                    cells.Add(cell);
                    column += span;
                }
                var header = leadingHeader && row.TableRowProperties?.GetFirstChild<TableHeader>() is not null;
                leadingHeader = header;
                if (cells.Count > 0) rows.Add((header, cells));
            }
            if (rows.Count == 0) return;
            html.Append("<table>");
            var head = rows.TakeWhile(r => r.Header).ToList();
            if (head.Count > 0) Section("thead", head, html);
            if (rows.Count > head.Count) Section("tbody", rows.Skip(head.Count).ToList(), html);
            html.Append("</table>");
        }

        private static void Section(string name, List<(bool Header, List<Cell> Cells)> rows, StringBuilder html)
        {
            html.Append('<').Append(name).Append('>');
            foreach (var (_, cells) in rows)
            {
                html.Append("<tr>");
                foreach (var cell in cells)
                {
                    html.Append("<td");
                    if (cell.ColSpan > 1) html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                    if (cell.RowSpan > 1) html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                    html.Append('>').Append(cell.Html).Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</").Append(name).Append('>');
        }

        private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

        [GeneratedRegex(@"^(heading|标题)\s*([1-9])$", RegexOptions.IgnoreCase)]
        private static partial Regex HeadingName();
    }

    /// <summary>Opens and closes nested ol/ul as list paragraphs come, by level; a change of kind at one level starts a new list.</summary>
    private sealed class ListWriter(StringBuilder html)
    {
        private readonly List<(int Level, bool Bullet)> open = [];

        public void Add(int level, bool bullet, string content)
        {
            while (open.Count > 0 && open[^1].Level > level) Close();
            if (open.Count > 0 && open[^1].Level == level && open[^1].Bullet != bullet) Close();
            if (open.Count > 0 && open[^1].Level == level) html.Append("</li><li>");
            else
            {
                html.Append(bullet ? "<ul><li>" : "<ol><li>");
                open.Add((level, bullet));
            }
            html.Append(content);
        }

        public void CloseAll()
        {
            while (open.Count > 0) Close();
        }

        private void Close()
        {
            html.Append(open[^1].Bullet ? "</li></ul>" : "</li></ol>");
            open.RemoveAt(open.Count - 1);
        }
    }
}
