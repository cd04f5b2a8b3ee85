using MiniExcelLibs;
using PartyAffairs.App.Features.AnnualReport;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Features.Assessment;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.AnnualReport;

/// <summary>The application tables of the annual report and the assessment's application figures, over <see cref="ApplicationStory"/>.</summary>
public sealed class ApplicationReportTests
{
    private const string Received = "依申请公开-收到";
    private const string Results = "依申请公开-办理结果";
    private const string Timeliness = "依申请公开-答复时效";
    private const string ByOrganization = "依申请公开-按党组织";

    private static async Task<(ServiceHarness Harness, ApplicationStory Story)> StoryAsync(string userName)
    {
        var harness = await ServiceHarness.CreateAsync(now: ApplicationStory.Today);
        var story = await ApplicationStory.CreateAsync(harness);
        await harness.SignInAsync(userName);
        return (harness, story);
    }

    private static async Task<AnnualReportView> ReportAsync(ServiceHarness harness, int year)
    {
        await using var scope = harness.NewScope();
        var report = await harness.Get<AnnualReportService>(scope).GetAsync(year);
        report.Succeeded.ShouldBeTrue(report.Message);
        return report.Value!;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<double?>> Table(AnnualReportView report, string sheet) =>
        report.Tables.Single(t => t.SheetName == sheet).Lines.ToDictionary(l => l.Label, l => l.Values);

    [Fact]
    public async Task The_2026_tables_hold_the_hand_worked_figures_by_channel_outcome_reason_and_organization()
    {
        var (harness, _) = await StoryAsync("leader");
        await using var _ = harness;
        var report = await ReportAsync(harness, 2026);

        report.Tables.Select(t => t.SheetName).TakeLast(4).ShouldBe([Received, Results, Timeliness, ByOrganization]);
        report.Tables.Single(t => t.SheetName == Received).Columns.ShouldBe(["项目", "网上申请", "信函", "当面", "电话", "合计"]);

        var received = Table(report, Received);
        received["本年新收申请数量"].ShouldBe([2, 1, 1, 1, 5]);
        received["上年结转申请数量"].ShouldBe([0, 1, 0, 0, 1]);
        received["合计"].ShouldBe([2, 2, 1, 1, 6]);

        var results = Table(report, Results);
        results.Keys.ShouldBe(["（一）予以公开", "（二）部分公开", "（三）不予公开", "　1. 涉及党和国家秘密", "　2. 涉及个人隐私", "　3. 不属于本组织职责",
            "　4. 信息不存在", "　5. 其他", "（四）已主动公开", "办理合计", "结转下年度继续办理"]);
        results["（一）予以公开"].ShouldBe([0, 1, 0, 0, 1]);
        results["（二）部分公开"].ShouldBe([0, 0, 1, 0, 1]);
        results["（三）不予公开"].ShouldBe([2, 0, 0, 0, 2]);
        results["　1. 涉及党和国家秘密"].ShouldBe([1, 0, 0, 0, 1]);
        results["　2. 涉及个人隐私"].ShouldBe([0, 0, 0, 0, 0]);
        results["　5. 其他"].ShouldBe([1, 0, 0, 0, 1]);
        results["（四）已主动公开"].ShouldBe([0, 0, 0, 0, 0]);
        results["办理合计"].ShouldBe([2, 1, 1, 0, 4]);
        // Received 12-31 and answered 01-05: carried forward, with the letter never answered.
        results["结转下年度继续办理"].ShouldBe([0, 1, 0, 1, 2]);

        Table(report, Timeliness).Values.Select(v => v.Single()).ShouldBe([3, 1, 4, 1]);

        var organizations = Table(report, ByOrganization);
        organizations["机关党委"].ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        organizations["第一党支部"].ShouldBe([3, 1, 1, 1, 0, 1, 1]);
        organizations["第二党支部"].ShouldBe([2, 0, 0, 1, 0, 0, 0]);
        organizations["合计"].ShouldBe([5, 1, 1, 2, 0, 1, 1]);
    }

    [Fact]
    public async Task The_next_year_carries_over_what_2026_carried_forward_and_counts_as_of_today()
    {
        var (harness, _) = await StoryAsync("office");
        await using var _ = harness;
        var report = await ReportAsync(harness, 2027);

        var received = Table(report, Received);
        received["本年新收申请数量"].ShouldBe([2, 0, 0, 0, 2]);
        received["上年结转申请数量"].ShouldBe([0, 1, 0, 1, 2]);
        var results = Table(report, Results);
        results["（四）已主动公开"].ShouldBe([0, 0, 0, 1, 1]);
        results["办理合计"].ShouldBe([0, 0, 0, 1, 1]);
        results["结转下年度继续办理"].ShouldBe([2, 1, 0, 0, 3]);
        Table(report, Timeliness).Values.Select(v => v.Single()).ShouldBe([1, 0, 1, 2]);
    }

    [Fact]
    public async Task The_assessment_counts_per_organization_and_period_what_the_report_counts()
    {
        var (harness, _) = await StoryAsync("leader");
        await using var _ = harness;
        await using var scope = harness.NewScope();
        var service = harness.Get<ApplicationAssessmentService>(scope);

        var now = (await service.GetAsync(AssessmentPeriod.OfMonth(2027, 1))).Value!;
        now.AsOf.ShouldBe(new DateOnly(2027, 1, 20));
        var a = now.Rows.Single(r => r.OrganizationName == "第一党支部");
        var b = now.Rows.Single(r => r.OrganizationName == "第二党支部");
        (a.Received, a.Answered, a.AnsweredLate, a.OpenLate).ShouldBe((1, 0, 0, 1));
        (b.Received, b.Answered, b.AnsweredLate, b.OpenLate).ShouldBe((1, 1, 0, 1));
        (now.Total.Received, now.Total.Answered, now.Total.AnsweredLate, now.Total.OpenLate).ShouldBe((2, 1, 0, 2));

        // The second quarter of 2026: P3 received and answered (on time by its extended date); P2 answered late; P6 not yet received.
        var q2 = (await service.GetAsync(AssessmentPeriod.OfQuarter(2026, 2))).Value!;
        var q2a = q2.Rows.Single(r => r.OrganizationName == "第一党支部");
        (q2a.Received, q2a.Answered, q2a.AnsweredLate, q2a.OpenLate).ShouldBe((1, 2, 1, 0));

        // The year: the same figures as the report's table by organization.
        var year = (await service.GetAsync(AssessmentPeriod.OfYear(2026))).Value!;
        var report = await ReportAsync(harness, 2026);
        var organizations = Table(report, ByOrganization);
        foreach (var row in year.Rows)
            organizations[row.OrganizationName].ShouldBe([row.Received, row.Disclosed, row.PartlyDisclosed, row.Refused, row.AlreadyDisclosed, row.AnsweredLate, row.OpenLate]);
        (year.Total.CarriedOver + year.Total.Received).ShouldBe(year.Total.Answered + year.Total.CarriedForward);
    }

    [Fact]
    public async Task A_secretary_sees_her_own_branch_and_a_member_nothing()
    {
        var (harness, _) = await StoryAsync("secB");
        await using var _ = harness;
        var report = await ReportAsync(harness, 2026);
        Table(report, ByOrganization).Keys.ShouldBe(["第二党支部", "合计"]);
        Table(report, Received)["本年新收申请数量"].ShouldBe([1, 0, 0, 1, 2]);
        Table(report, Received)["上年结转申请数量"].ShouldBe([0, 0, 0, 0, 0]);

        await harness.SignInAsync("memberA");
        await using var scope = harness.NewScope();
        (await harness.Get<ApplicationAssessmentService>(scope).GetAsync(AssessmentPeriod.OfYear(2026))).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task The_workbook_has_the_application_sheets_with_the_figures()
    {
        var (harness, _) = await StoryAsync("office");
        await using var _ = harness;
        var report = await ReportAsync(harness, 2026);
        using var stream = new MemoryStream();
        AnnualReportWorkbook.Write(stream, report);

        stream.Position = 0;
        MiniExcel.GetSheetNames(stream).ShouldContain(Results);
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: Results, startCell: AnnualReportWorkbook.TableStartCell)
            .Cast<IDictionary<string, object?>>().ToList();
        rows[0].Keys.ShouldBe(["项目", "网上申请", "信函", "当面", "电话", "合计"]);
        var refused = rows.Single(r => (string?)r["项目"] == "（三）不予公开");
        (Convert.ToInt32(refused["网上申请"]), Convert.ToInt32(refused["合计"])).ShouldBe((2, 2));
        var forward = rows.Single(r => (string?)r["项目"] == "结转下年度继续办理");
        (Convert.ToInt32(forward["信函"]), Convert.ToInt32(forward["电话"]), Convert.ToInt32(forward["合计"])).ShouldBe((1, 1, 2));

        stream.Position = 0;
        var branchA = MiniExcel.Query(stream, useHeaderRow: true, sheetName: ByOrganization, startCell: AnnualReportWorkbook.TableStartCell)
            .Cast<IDictionary<string, object?>>().Single(r => (string?)r["党组织"] == "第一党支部");
        (Convert.ToInt32(branchA["收到申请"]), Convert.ToInt32(branchA["不予公开"]), Convert.ToInt32(branchA["逾期答复"]), Convert.ToInt32(branchA["逾期未答复"]))
            .ShouldBe((3, 1, 1, 1));
    }
}
