using Microsoft.Playwright;
using MiniExcelLibs;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>Issue 7's acceptance in Chromium: the Leader's assessment of this year, its chart, one branch's missed items, the report exported.</summary>
[Collection(BrowserCollection.Name)]
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

        await page.GetByTestId("open-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-table").First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-report").ClickAsync());
        var path = Support.Browser.ArtifactPath("assessment-annual-report.xlsx");
        await download.SaveAsAsync(path);
        download.SuggestedFilename.ShouldEndWith("年度党务公开工作报告.xlsx");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("assessment-2-report.png"), FullPage = true });

        var row = MiniExcel.Query(path, useHeaderRow: true, sheetName: "按党组织").Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["党组织"] == branch);
        Convert.ToInt32(row["逾期未公开"]).ShouldBe(missed);
    }
}
