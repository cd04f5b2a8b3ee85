using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Import;

using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues.Export;

/// <summary>
/// Writes catalogue rows in the template's own columns with MiniExcel, so what is exported imports again.
/// Every text cell goes through <see cref="SpreadsheetText.Safe"/>; a CSV starts with a UTF-8 BOM so Excel reads the Chinese.
/// </summary>
public static class CatalogueSpreadsheet
{
    public static void WriteXlsx(Stream output, IEnumerable<CatalogueExportLine> lines, CatalogueState? state) =>
        MiniExcel.SaveAs(output, lines.Select(l => ToCells(l, state)).ToList(), sheetName: "目录", excelType: ExcelType.XLSX);

    public static void WriteCsv(Stream output, IEnumerable<CatalogueExportLine> lines)
    {
        var configuration = new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) };
        MiniExcel.SaveAs(output, lines.Select(l => ToCells(l, null)).ToList(), excelType: ExcelType.CSV, configuration: configuration);
    }

    /// <summary>The template's columns in order, plus 状态 when a stored catalogue is exported.</summary>
    private static Dictionary<string, object> ToCells(CatalogueExportLine line, CatalogueState? state)
    {
        var row = line.Row;
        var cells = new Dictionary<string, object>
        {
            [CatalogueFormat.Organization] = SpreadsheetText.Safe(row.Organization),
            [CatalogueFormat.Category] = CatalogueFormat.NameOf(row.Category),
            [CatalogueFormat.Title] = SpreadsheetText.Safe(row.Title),
            [CatalogueFormat.Description] = SpreadsheetText.Safe(row.Description),
            [CatalogueFormat.Channels] = CatalogueFormat.NameOf(row.Channels),
            [CatalogueFormat.Audience] = CatalogueFormat.NameOf(row.Audience),
            [CatalogueFormat.Cadence] = CatalogueFormat.NameOf(row.Cadence),
            [CatalogueFormat.Standing] = CatalogueFormat.NameOf(row.Standing),
            [CatalogueFormat.Responsible] = SpreadsheetText.Safe(row.ResponsiblePerson),
            [CatalogueFormat.Phases] = SpreadsheetText.Safe(CatalogueFormat.PhasesOf(row.Phases)),
            [CatalogueFormat.BodyTemplate] = SpreadsheetText.Safe(row.BodyTemplate),
        };
        if (state is { } catalogueState) cells[CatalogueFormat.State] = line.Retired ? "已撤销" : StateName(catalogueState);
        return cells;
    }

    private static string StateName(CatalogueState state) => state switch
    {
        CatalogueState.Draft => "草稿",
        CatalogueState.Submitted => "已提交",
        CatalogueState.Approved => "已批准",
        _ => "已生效",
    };
}
