using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using PartyAffairs.App.Components;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>Writes a schedule as an .xlsx sheet with the column headings and labels in the person's language.</summary>
public sealed class ScheduleExport(IStringLocalizer<ScheduleStrings> text, EnumLabels labels)
{
    public static readonly string[] ColumnKeys =
        ["Export.Organization", "Export.Item", "Export.Cadence", "Export.Label", "Export.Start", "Export.End", "Export.Due", "Export.Status", "Export.Fulfilled"];

    public byte[] Write(IEnumerable<ScheduleRow> rows)
    {
        var headings = ColumnKeys.Select(k => text[k].Value).ToArray();
        var sheet = rows.Select(r =>
        {
            string[] cells =
            [
                SpreadsheetText.Safe(r.OrganizationName), SpreadsheetText.Safe(r.ItemTitle), labels.Of(r.Cadence), SpreadsheetText.Safe(labels.Period(r.Label)),
                r.PeriodStart.Day(), r.PeriodEnd.Day(), r.Provisional ? text["Export.DueProvisional", r.DueDate.Day()].Value : r.DueDate.Day(), labels.Of(r.Status), r.FulfilledOn?.Day() ?? "",
            ];
            return (IDictionary<string, object>)headings.Zip(cells).ToDictionary(p => p.First, p => (object)p.Second);
        }).ToList();
        using var stream = new MemoryStream();
        // An empty schedule still gets its headings.
        if (sheet.Count == 0) sheet.Add(headings.ToDictionary(h => h, _ => (object)""));
        stream.SaveAs(sheet);
        return stream.ToArray();
    }
}
