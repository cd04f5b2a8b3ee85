using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using PartyAffairs.App.Features.Catalogues.Export;

using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>Reads a .csv (UTF-8 only) or .xlsx template file into header and data lines with MiniExcel; blank lines are skipped but keep their numbers.</summary>
public static class CatalogueSheetReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CatalogueSheet Read(byte[] content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = extension switch
        {
            ".csv" => ExcelType.CSV,
            ".xlsx" => ExcelType.XLSX,
            _ => throw new CatalogueFileProblem("Import.UnknownKind", fileName),
        };
        if (content.Length == 0) throw new CatalogueFileProblem("Import.Empty");
        if (type == ExcelType.CSV) EnsureUtf8(content);

        List<IReadOnlyList<string>> lines;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var configuration = type == ExcelType.CSV
                ? new CsvConfiguration { StreamReaderFunc = s => new StreamReader(s, StrictUtf8, detectEncodingFromByteOrderMarks: true) }
                : null;
            lines = MiniExcel.Query(stream, useHeaderRow: false, excelType: type, configuration: configuration)
                .Cast<IDictionary<string, object?>>()
                .Select(row => (IReadOnlyList<string>)row.Values.Select(CellText).ToList())
                .ToList();
        }
        // A damaged or disguised workbook fails in many ways inside the reader; all of them mean "cannot read this file".
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CatalogueFileProblem(type == ExcelType.CSV ? "Import.BadCsv" : "Import.BadWorkbook", fileName);
        }

        var headerIndex = lines.FindIndex(l => l.Any(c => c.Length > 0));
        if (headerIndex < 0) throw new CatalogueFileProblem("Import.Empty");
        var rows = new List<(int, IReadOnlyList<string>)>();
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            if (lines[i].Any(c => c.Length > 0)) rows.Add((i + 1, lines[i]));
        }
        return new CatalogueSheet(lines[headerIndex], rows);
    }

    /// <summary>We do not guess encodings: a GBK (ANSI) file would import as mojibake, so any byte that is not UTF-8 refuses the file.</summary>
    private static void EnsureUtf8(byte[] content)
    {
        try
        {
            StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            throw new CatalogueFileProblem("Import.NotUtf8");
        }
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string text => SpreadsheetText.Restore(text.Trim().TrimStart('\uFEFF')),
        double number => number.ToString(CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
