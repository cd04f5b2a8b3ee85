namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>
/// One table of the annual report, in the manner of the State Council's annual report on government information disclosure:
/// a title, column headings (the first heads the labels), lines, and a note on what is counted. <see cref="SheetName"/>
/// names its sheet in the workbook.
/// </summary>
public sealed record ReportTable(string SheetName, string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReportLine> Lines, string? Note = null);
