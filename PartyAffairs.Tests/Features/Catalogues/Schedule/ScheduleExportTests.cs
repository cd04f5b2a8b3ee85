using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues.Schedule;

public sealed class ScheduleExportTests
{
    [Fact]
    public async Task A_due_date_counted_on_a_year_without_its_notice_says_provisional_in_the_sheet()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var harness = await ServiceHarness.CreateAsync();
        var export = harness.Services.GetRequiredService<ScheduleExport>();
        ScheduleRow Row(int id, string title, DateOnly due, bool provisional) => new(id, id, 1, "第一党支部", title, Cadence.Monthly, "2026年12月",
            new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), due, OccurrenceStatus.NotDue, null, null, provisional);

        var bytes = export.Write([Row(1, "党费收缴情况", new DateOnly(2027, 1, 8), true), Row(2, "支部月报", new DateOnly(2026, 12, 7), false)]);

        using var stream = new MemoryStream(bytes);
        var sheet = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        sheet.Select(r => r["应公开日期"]?.ToString()).ShouldBe(["2027-01-08（暂定）", "2026-12-07"]);
    }
}
