namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>
/// One table of the annual report, in the manner of the State Council's annual report on government information disclosure:
/// a title, column headings (the first heads the labels), lines, and a note on what is counted. <see cref="SheetName"/>
/// names its sheet in the workbook. A table <see cref="PerOrganization"/> has a line per organization (and its total), which
/// the report page shows a page at a time.
/// </summary>
public sealed record ReportTable(string SheetName, string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReportLine> Lines, string? Note = null,
    bool PerOrganization = false)
{
    /// <summary>The table with only the organizations' lines of one page, and its totals.</summary>
    public ReportTable Page(int page, int pageSize) => !PerOrganization ? this : this with
    {
        Lines = [.. Lines.Where(l => !l.IsTotal).Skip(Math.Max(0, page) * pageSize).Take(pageSize), .. Lines.Where(l => l.IsTotal)],
    };
}
