using Microsoft.Playwright;
using MiniExcelLibs;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>Issue 7's acceptance in Chromium: the Leader's assessment of this year, its chart, one branch's missed items, the report exported.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AssessmentBrowserTests(AppServer server)
{
    [SkippableFact]
    public async Task The_leader_sees_the_chart_drills_into_a_branchs_missed_items_and_exports_the_report_with_the_same_figures()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "leader");

        await page.GotoAsync(new Uri(server.BaseAddress, "/assessment").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "考核统计" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-organizations] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-trend] svg").First).ToBeVisibleAsync();

        // The first branch of the demo bureau with a missed item this year.
        var branches = page.Locator("tbody tr[data-organization*='支部']");
        (await branches.CountAsync()).ShouldBeGreaterThan(0);
        string? branch = null;
        var missed = 0;
        for (var i = 0; i < await branches.CountAsync() && branch is null; i++)
        {
            var count = int.Parse(await branches.Nth(i).Locator("button[data-measure=Missed]").InnerTextAsync());
            if (count > 0) (branch, missed) = (await branches.Nth(i).GetAttributeAsync("data-organization"), count);
        }
        branch.ShouldNotBeNull("the demo year has a branch with a missed item");

        await page.Locator($"tbody tr[data-organization='{branch}'] button[data-measure=Missed]").ClickAsync();
        var drill = page.GetByTestId("drilldown");
        await Assertions.Expect(drill).ToContainTextAsync($"{branch} · 逾期未公开（{missed}）");
        await Assertions.Expect(drill.GetByTestId("drill-item")).ToHaveCountAsync(missed);
        await Assertions.Expect(drill.GetByTestId("drill-item").First).ToContainTextAsync("尚未公开");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("assessment-1-drilldown.png"), FullPage = true });

        // Boards posted this year, all organizations: the total figure lists every posting it counts.
        var postedTotal = page.GetByTestId("postings-mailbox").Locator("tfoot button[data-measure=BoardPostings]").Last;
        var posted = int.Parse(await postedTotal.InnerTextAsync());
        posted.ShouldBeGreaterThan(0, "the demo bureau posted boards this year");
        await postedTotal.ClickAsync();
        await Assertions.Expect(drill).ToContainTextAsync($"合计 · 公开栏张贴（{posted}）");
        await Assertions.Expect(drill.GetByTestId("drill-item")).ToHaveCountAsync(posted);

        await page.GetByTestId("open-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-table").First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-report").ClickAsync());
        var path = Support.Browser.ArtifactPath("assessment-annual-report.xlsx");
        await download.SaveAsAsync(path);
        download.SuggestedFilename.ShouldEndWith("年度党务公开工作报告.xlsx");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("assessment-2-report.png"), FullPage = true });

        var row = MiniExcel.Query(path, useHeaderRow: true, sheetName: "按党组织", startCell: PartyAffairs.App.Features.AnnualReport.AnnualReportWorkbook.TableStartCell).Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["党组织"] == branch);
        Convert.ToInt32(row["逾期未公开"]).ShouldBe(missed);
    }

    [SkippableFact]
    public async Task The_secretary_completes_the_overdue_rectification_the_office_recorded_and_the_report_prints()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "监督检查", Exact = true }).ClickAsync();
        await Assertions.Expect(office.Locator("h1").First).ToContainTextAsync("监督检查");
        await Assertions.Expect(office.GetByTestId("record-inspection")).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByTestId("inspection").First).ToContainTextAsync("机关第一党支部");

        var secretary = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(secretary, server.BaseAddress, "secretary");
        await secretary.GotoAsync(new Uri(server.BaseAddress, "/inspections").ToString());
        await secretary.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(secretary.GetByTestId("record-inspection")).ToHaveCountAsync(0);
        var overdue = secretary.GetByTestId("rectification").Filter(new() { HasText = "已逾期" }).First;
        var what = (await overdue.Locator("td").First.InnerTextAsync()).Trim();
        await overdue.GetByTestId("complete-rectification").ClickAsync();
        await secretary.GetByLabel("整改情况").FillAsync("已补齐近三个月记录，建立按月更新台账。");
        await secretary.GetByTestId("confirm-complete").ClickAsync();
        await Assertions.Expect(secretary.Locator(".mud-snackbar")).ToContainTextAsync("整改事项已完成");
        await Assertions.Expect(secretary.GetByTestId("rectification").Filter(new() { HasText = what })).ToContainTextAsync("已补齐近三个月记录");
        await secretary.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("inspections-completed.png"), FullPage = true });

        var print = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(print, server.BaseAddress, "leader");
        await print.GotoAsync(new Uri(server.BaseAddress, $"/assessment/report/{DateTime.UtcNow.Year}/print").ToString());
        await Assertions.Expect(print.Locator("h1")).ToContainTextAsync("年度党务公开工作报告");
        await Assertions.Expect(print.GetByTestId("report-table")).ToHaveCountAsync(13);
        await print.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("annual-report-print.png"), FullPage = true });
    }
}
