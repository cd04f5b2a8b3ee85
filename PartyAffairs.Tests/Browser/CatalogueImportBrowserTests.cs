using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CatalogueImportBrowserTests(AppServer server)
{
    [SkippableFact]
    public async Task The_office_imports_the_sample_template_downloaded_from_the_dialog_then_prints_and_exports_it()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        await Support.Browser.SignInAsync(page, server.BaseAddress, "office");
        // Two years ahead: the demo has this year and last year, and other tests may plan next year.
        var year = DateTime.UtcNow.Year + 2;

        await page.GotoAsync(new Uri(server.BaseAddress, "/catalogue").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await page.GetByTestId("catalogue-import").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("导入年度党务公开目录");

        var download = await page.RunAndWaitForDownloadAsync(() => dialog.GetByTestId("template-xlsx").ClickAsync());
        var template = Support.Browser.ArtifactPath("catalogue-template.xlsx");
        await download.SaveAsAsync(template);

        await dialog.GetByLabel("目录年度").FillAsync(year.ToString());
        await dialog.Locator("input[type=file]").SetInputFilesAsync(template);
        await Assertions.Expect(dialog.GetByTestId("import-summary")).ToContainTextAsync("7 行，0 处错误");
        await Assertions.Expect(dialog.GetByTestId("import-preview")).ToContainTextAsync("发展党员工作");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("catalogue-import-preview.png"), FullPage = true });

        await dialog.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"已导入 {year} 年度目录草稿");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("catalogue-import-done.png"), FullPage = true });

        // The page now shows the year just imported, a draft whose 阶段 line lists its phases.
        await Assertions.Expect(page.Locator("[data-testid=workflow]")).ToContainTextAsync("目录为草稿");
        await Assertions.Expect(page.GetByText($"{year}年度机关党的基层组织党务公开目录")).ToBeVisibleAsync();
        await page.Locator(".mud-table-body tr").Filter(new() { HasText = "阶段" }).First.Locator("button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("phases")).ToContainTextAsync("确定发展对象");
        await Assertions.Expect(page.GetByTestId("phases")).Not.ToContainTextAsync("即时事项");

        // The same year again: the preview says the draft would be replaced, and replacing it asks first.
        await page.GetByTestId("catalogue-import").ClickAsync();
        await dialog.GetByLabel("目录年度").FillAsync(year.ToString());
        await dialog.Locator("input[type=file]").SetInputFilesAsync(template);
        await Assertions.Expect(dialog.GetByTestId("import-summary")).ToContainTextAsync("0 处错误");
        await Assertions.Expect(dialog.GetByTestId("import-replaces")).ToContainTextAsync($"{year} 年度已有一份草稿目录");
        await Assertions.Expect(dialog.GetByTestId("import-preview")).ToContainTextAsync("发展对象的确定、公示和接收预备党员情况");
        await Assertions.Expect(dialog.GetByTestId("import-submit")).ToHaveCountAsync(0);
        await dialog.GetByTestId("import-replace").ClickAsync();
        var confirm = page.Locator(".mud-dialog").Filter(new() { HasText = $"放弃 {year} 年度的草稿目录" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "替换草稿" }).ClickAsync();
        // Step by step, so that a failure under load says which step did not happen: the question closes,
        // the import reports, then the import dialog closes.
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync($"已导入 {year} 年度目录草稿");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        var print = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", StorageState = await page.Context.StorageStateAsync() });
        await print.GotoAsync(new Uri(server.BaseAddress, $"/catalogue/{year}/print").ToString());
        await Assertions.Expect(print.Locator("h1")).ToHaveTextAsync($"{year}年度机关党的基层组织党务公开目录");
        await Assertions.Expect(print.GetByTestId("print-table").Locator("tbody tr:not(.organization):not(.category)")).ToHaveCountAsync(7);
        await print.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("catalogue-print.png"), FullPage = true });
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(print.Locator(".print-tools")).ToBeHiddenAsync();

        var export = await page.APIRequest.GetAsync(new Uri(server.BaseAddress, $"/catalogue/{year}/export.xlsx").ToString());
        export.Status.ShouldBe(200);
        (await export.BodyAsync()).Take(2).ShouldBe("PK"u8.ToArray());
    }
}
