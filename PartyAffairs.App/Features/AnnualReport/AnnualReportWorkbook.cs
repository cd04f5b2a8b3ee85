using MiniExcelLibs;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>
/// Writes the annual report as an .xlsx with MiniExcel: a sheet per table, a title row naming the year, the scope and the
/// moment it was produced (a printed or forwarded copy says what it is), the table's headings in the second row, a number
/// in every figure's cell (empty where there is none), and the table's note in a last row, so the figures read back as
/// they were shown. Text cells go through <see cref="SpreadsheetText.Safe"/>.
/// </summary>
public static class AnnualReportWorkbook
{
    /// <summary>Where a sheet's table starts, under the title row: read it back with this as the header row.</summary>
    public const string TableStartCell = "A2";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, AnnualReportView report)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in report.Tables)
        {
            // The title and the headings are rows of their own: MiniExcel's header row would be the keys, which must be unique.
            var title = table.Columns.ToDictionary(c => c, _ => (object?)null);
            title[table.Columns[0]] = SpreadsheetText.Safe(report.Heading);
            var headings = table.Columns.ToDictionary(c => c, c => (object?)SpreadsheetText.Safe(c));
            var rows = new List<Dictionary<string, object?>> { title, headings };
            rows.AddRange(table.Lines.Select(line =>
            {
                var cells = new Dictionary<string, object?> { [table.Columns[0]] = SpreadsheetText.Safe(line.Label) };
                for (var i = 0; i < line.Values.Count; i++) cells[table.Columns[i + 1]] = line.Values[i];
                return cells;
            }));
            if (table.Note is not null)
            {
                // MiniExcel writes the columns of the first row and needs every row to carry them.
                var note = table.Columns.Skip(1).ToDictionary(c => c, _ => (object?)null);
                note[table.Columns[0]] = SpreadsheetText.Safe(table.Note);
                rows.Add(note);
            }
            sheets[table.SheetName] = rows;
        }
        MiniExcel.SaveAs(output, sheets, printHeader: false, excelType: ExcelType.XLSX);
    }

    public static string FileName(AnnualReportView report) => $"{report.Title}.xlsx";
}
