using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>The schedule in the running app over the demo seed: the calendar, the list, the Secretary's event and the export.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ScheduleBrowserTests(AppServer server)
{
    [SkippableTheory]
    [InlineData("office")]
    [InlineData("secretary")]
    public async Task The_schedule_opens_from_the_menu_with_chips_on_the_calendar_and_rows_in_the_list(string userName)
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, userName);

        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "公开日程", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync("公开日程");
        await page.GetByRole(AriaRole.Button, new() { Name = "上个月" }).ClickAsync();
        await Assertions.Expect(page.Locator(".schedule-chip").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath($"schedule-calendar-{userName}.png"), FullPage = true });

        await page.GetByRole(AriaRole.Tab, new() { Name = "列表" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-table-body tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath($"schedule-list-{userName}.png"), FullPage = true });
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task The_second_branch_secretary_records_an_event_and_downloads_the_schedule()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "secretary2");
        await page.GotoAsync(new Uri(server.BaseAddress, "/catalogue/schedule").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "登记即时事项" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("事项名称").FillAsync("关于支部活动场所调整的决定");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("schedule-record-event.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "登记即时事项" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("应于");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出日程" }).ClickAsync());
        var path = Support.Browser.ArtifactPath("schedule-secretary2.xlsx");
        await download.SaveAsAsync(path);
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
