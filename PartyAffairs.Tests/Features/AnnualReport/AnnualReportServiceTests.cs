using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using MiniExcelLibs;
using PartyAffairs.App.Components;
using PartyAffairs.App.Features.AnnualReport;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Features.Assessment;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.AnnualReport;

/// <summary>
/// The 2026 report of <see cref="AssessmentStory"/>. Worked by hand from the story: published in 2026 (Beijing) are A's four
/// catalogue items (九月, 十月, 十月第二期, 十二月), B's two (三季度, 四季度), A's two out-of-catalogue items, A's re-disclosure and
/// B's 元旦 item (published 00:30 on Jan 1 Beijing) = 10: in catalogue 6, out 3, re-disclosed 1. Categories: A's catalogue items
/// are 组织建设 (4), B's 决议决定及执行 (2), the rest 其它 (4: 3 out, 1 re). Channels: catalogue items Board+Meeting (6), the others
/// Board: Board 10, Meeting 6. Audiences: A's catalogue items AllMembers 4, B's Organization 2, the others Public 4.
/// Inspections: 2 (A, B), 4 rectifications, 3 done of which 1 by its due date (R2), 1 open and overdue (R1).
/// </summary>
public sealed class AnnualReportServiceTests
{
    private static async Task<(ServiceHarness Harness, AnnualReportView Report, AssessmentView Assessment)> ReportAsync(string userName)
    {
        var harness = await ServiceHarness.CreateAsync();
        await AssessmentStory.CreateAsync(harness);
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var report = await harness.Get<AnnualReportService>(scope).GetAsync(2026);
        report.Succeeded.ShouldBeTrue(report.Message);
        var assessment = await harness.Get<AssessmentQueryService>(scope).GetAsync(AssessmentPeriod.OfYear(2026));
        return (harness, report.Value!, assessment.Value!);
    }

    /// <summary>Lines as they read (their values are lists, which records compare by reference).</summary>
    private static IEnumerable<string> Shown(IEnumerable<ReportLine> lines) => lines.Select(l => $"{l.Label}|{string.Join(",", l.Values)}|{l.IsTotal}");

    private static IReadOnlyDictionary<string, IReadOnlyList<double?>> Table(AnnualReportView report, string sheet) =>
        report.Tables.Single(t => t.SheetName == sheet).Lines.ToDictionary(l => l.Label, l => l.Values);

    [Fact]
    public async Task Every_table_holds_the_hand_worked_figures()
    {
        var (harness, report, _) = await ReportAsync("leader");
        await using var _ = harness;

        report.Title.ShouldBe("2026年度党务公开工作报告");
        report.Tables.Select(t => t.SheetName).ShouldBe(["总体情况", "按内容类别", "按党组织", "按公开方式", "按公开范围", "意见反馈", "监督检查", "检查结论", "公开栏张贴",
            "依申请公开-收到", "依申请公开-办理结果", "依申请公开-答复时效", "依申请公开-按党组织"]);
        Table(report, "总体情况").Values.Select(v => v.Single()).ShouldBe([10, 6, 3, 1, 7, 4, 2, 1, 57.1]);

        var categories = Table(report, "按内容类别");
        categories["党的基层组织决议、决定及执行情况"].ShouldBe([2, 2, 0, 0]);
        categories["党的组织建设情况"].ShouldBe([4, 4, 0, 0]);
        categories["其它事项"].ShouldBe([4, 0, 3, 1]);
        categories["合计"].ShouldBe([10, 6, 3, 1]);

        var organizations = Table(report, "按党组织");
        // The story has no standing line, so no gap days (the last column).
        organizations["机关党委"].ShouldBe([0, 0, 0, 0, 0, 0, 0, null, 0]);
        organizations["第一党支部"].ShouldBe([7, 2, 1, 5, 3, 1, 1, 60, 0]);
        organizations["第二党支部"].ShouldBe([3, 1, 0, 2, 1, 1, 0, 50, 0]);
        organizations["合计"].ShouldBe([10, 3, 1, 7, 4, 2, 1, 57.1, 0]);

        Table(report, "按公开方式").Values.Select(v => v.Single()).ShouldBe([10, 6, 0, 0]);
        Table(report, "按公开范围").Values.Select(v => v.Single()).ShouldBe([2, 4, 4, 10]);

        var feedback = Table(report, "意见反馈");
        // The story's feedback is all on items: no mailbox kinds (the last three columns).
        feedback["第一党支部"].ShouldBe([3, 1, 2, 2, 2, 6.5, 0, 0, 0]);
        feedback["第二党支部"].ShouldBe([2, 0, 1, 1, 1, 7, 0, 0, 0]);
        feedback["合计"].ShouldBe([5, 1, 3, 3, 3, 7, 0, 0, 0]);

        Table(report, "监督检查").Values.Select(v => v.Single()).ShouldBe([2, 2, 4, 3, 1, 1, 1]);
        var findings = Table(report, "检查结论");
        findings["内容全面真实"].ShouldBe([2, 0, 0]);
        findings["形式有效"].ShouldBe([0, 2, 0]);
        findings["公开及时"].ShouldBe([0, 0, 2]);
    }

    [Fact]
    public async Task A_page_of_the_report_cuts_only_the_per_organization_tables_and_keeps_their_totals()
    {
        var (harness, whole, _) = await ReportAsync("leader");
        await using var _ = harness;
        await using var scope = harness.NewScope();
        var service = harness.Get<AnnualReportService>(scope);
        var pages = new List<AnnualReportView>();
        for (var page = 0; page * AnnualReportService.PageSize < whole.OrganizationCount; page++)
        {
            pages.Add((await service.GetAsync(2026, page)).Value!);
        }
        whole.OrganizationCount.ShouldBe(3);

        foreach (var table in whole.Tables)
        {
            var cut = pages.Select(p => p.Tables.Single(t => t.SheetName == table.SheetName)).ToList();
            if (!table.PerOrganization)
            {
                cut.ShouldAllBe(t => Shown(t.Lines).SequenceEqual(Shown(table.Lines)), table.SheetName);
                continue;
            }
            cut.SelectMany(t => t.Lines.Where(l => !l.IsTotal)).Select(l => l.Label).ShouldBe(table.Lines.Where(l => !l.IsTotal).Select(l => l.Label), table.SheetName);
            cut.ShouldAllBe(t => Shown(t.Lines.Where(l => l.IsTotal)).SequenceEqual(Shown(table.Lines.Where(l => l.IsTotal))), table.SheetName);
        }
        whole.Tables.Count(t => t.PerOrganization).ShouldBe(4);
        // Cut by hand to one organization a page: the table holds it and the total.
        var one = whole.Tables.Single(t => t.SheetName == "按党组织").Page(1, 1);
        one.Lines.Select(l => l.Label).ShouldBe(["第一党支部", "合计"]);
    }

    [Fact]
    public async Task The_workbook_reads_back_with_the_figures_the_report_and_the_assessment_show()
    {
        var (harness, report, assessment) = await ReportAsync("office");
        await using var _ = harness;
        using var stream = new MemoryStream();
        AnnualReportWorkbook.Write(stream, report);

        stream.Position = 0;
        MiniExcel.GetSheetNames(stream).ShouldBe(report.Tables.Select(t => t.SheetName).ToList());
        foreach (var table in report.Tables)
        {
            // Above the table, a title row names the year, the scope and the moment it was produced (the harness clock's, in Beijing).
            stream.Position = 0;
            var title = (string?)MiniExcel.Query(stream, sheetName: table.SheetName).Cast<IDictionary<string, object?>>().First()["A"];
            var clock = harness.Services.GetRequiredService<BureauClock>();
            title.ShouldBe($"2026年度党务公开工作报告（全局）  生成时间：{clock.Minute(harness.Time.GetUtcNow().UtcDateTime)}");
            stream.Position = 0;
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: table.SheetName, startCell: AnnualReportWorkbook.TableStartCell)
                .Cast<IDictionary<string, object?>>().ToList();
            rows.Count.ShouldBe(table.Lines.Count + (table.Note is null ? 0 : 1), table.SheetName);
            rows[0].Keys.ToList().ShouldBe(table.Columns.ToList(), table.SheetName);
            for (var i = 0; i < table.Lines.Count; i++)
            {
                ((string?)rows[i][table.Columns[0]]).ShouldBe(table.Lines[i].Label);
                var read = table.Columns.Skip(1).Select(c => rows[i][c] is null ? (double?)null : Convert.ToDouble(rows[i][c])).ToList();
                read.ShouldBe(table.Lines[i].Values, $"{table.SheetName}/{table.Lines[i].Label}");
            }
            if (table.Note is not null) ((string?)rows[^1][table.Columns[0]]).ShouldBe(table.Note);
        }

        // The same figures as the assessment page's table, read from the file.
        stream.Position = 0;
        var branchA = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "按党组织", startCell: AnnualReportWorkbook.TableStartCell).Cast<IDictionary<string, object?>>().Single(r => (string?)r["党组织"] == "第一党支部");
        var row = assessment.Rows.Single(r => r.OrganizationName == "第一党支部");
        (Convert.ToInt32(branchA["逾期未公开"]), Convert.ToInt32(branchA["逾期公开"]), Convert.ToInt32(branchA["按时公开"])).ShouldBe((row.Missed, row.Late, row.OnTime));
        (row.Missed, row.Late, row.OnTime).ShouldBe((1, 1, 3));
    }

    [Fact]
    public async Task A_secretary_reports_on_their_own_branch_and_a_member_is_refused()
    {
        var (harness, report, _) = await ReportAsync("secB");
        await using var _ = harness;

        report.Scope.ShouldBe("第二党支部");
        Table(report, "按党组织").Keys.ShouldBe(["第二党支部", "合计"]);
        Table(report, "总体情况").Values.First().Single().ShouldBe(3);
        Table(report, "监督检查").Values.First().Single().ShouldBe(1);

        await harness.SignInAsync("memberA");
        await using var scope = harness.NewScope();
        (await harness.Get<AnnualReportService>(scope).GetAsync(2026)).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task The_report_is_counted_again_after_a_committed_change_not_before()
    {
        var (harness, report, _) = await ReportAsync("office");
        await using var _ = harness;
        Table(report, "监督检查").Values.First().Single().ShouldBe(2);

        async Task<double?> InspectionsAsync()
        {
            await using var scope = harness.NewScope();
            var again = await harness.Get<AnnualReportService>(scope).GetAsync(2026);
            return Table(again.Value!, "监督检查").Values.First().Single();
        }

        // Moved out of the year by a write that announces nothing: the kept count stands until a change is announced.
        await using (var db = harness.NewDb())
        {
            var first = db.Inspections.OrderBy(i => i.Id).Select(i => i.Id).First();
            await db.Inspections.Where(i => i.Id == first).ExecuteUpdateAsync(s => s.SetProperty(i => i.Date, new DateOnly(2025, 6, 1)));
        }
        (await InspectionsAsync()).ShouldBe(2);

        harness.Services.GetRequiredService<LiveEventStream>().Publish(
            [new ChangeEvent("Inspection", 1, null, WorkflowAction.Create, null, null, "office", DateTime.UtcNow, null)]);
        (await InspectionsAsync()).ShouldBe(1);
    }
}
