using MiniExcelLibs;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>
/// Writes the annual report as an .xlsx with MiniExcel: a sheet per table, its headings in the first row, a number in
/// every figure's cell (empty where there is none), and the table's note in a last row, so the figures read back as they
/// were shown. Text cells go through <see cref="SpreadsheetText.Safe"/>.
/// </summary>
public static class AnnualReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, AnnualReportView report)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in report.Tables)
        {
            var rows = table.Lines.Select(line =>
            {
                var cells = new Dictionary<string, object?> { [table.Columns[0]] = SpreadsheetText.Safe(line.Label) };
                for (var i = 0; i < line.Values.Count; i++) cells[table.Columns[i + 1]] = line.Values[i];
                return cells;
            }).ToList();
            if (table.Note is not null)
            {
                // MiniExcel writes the columns of the first row and needs every row to carry them.
                var note = table.Columns.Skip(1).ToDictionary(c => c, _ => (object?)null);
                note[table.Columns[0]] = SpreadsheetText.Safe(table.Note);
                rows.Add(note);
            }
            sheets[table.SheetName] = rows;
        }
        MiniExcel.SaveAs(output, sheets, excelType: ExcelType.XLSX);
    }

    public static string FileName(AnnualReportView report) => $"{report.Title}.xlsx";
}
