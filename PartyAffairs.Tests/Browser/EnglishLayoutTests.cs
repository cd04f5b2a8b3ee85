using Microsoft.Playwright;
using PartyAffairs.App.Components;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// Issue 15 §4 in Chromium at 1440 × 900 in English: settings labels whole, the catalogue's 事项 column readable, the
/// assessment table without a sideways scroll, schedule chips naming their organization. Screenshots are kept in artifacts/.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EnglishLayoutTests(AppServer server)
{
    private async Task<IPage> EnglishPageAsync(IBrowser browser, string userName)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en", ViewportSize = new() { Width = 1440, Height = 900 } });
        await Support.Browser.SignInAsync(page, server.BaseAddress, userName);
        await page.GotoAsync(new Uri(server.BaseAddress, AppRoutes.SetCulture("en", "/")).ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync(new() { Timeout = 30_000 });
        return page;
    }

    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync(new() { Timeout = 30_000 });
    }

    [SkippableFact]
    public async Task In_english_at_1440_px_labels_columns_and_tables_fit()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var admin = await EnglishPageAsync(browser, "admin");
        await OpenAsync(admin, AppRoutes.AdminSettings);
        await admin.Locator("label.mud-input-label").First.WaitForAsync();
        await admin.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("english-1-settings.png"), FullPage = true });
        // A label cut off with an ellipsis is wider inside than the box it is shown in.
        var cut = await admin.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('label.mud-input-label')].filter(l => l.scrollWidth > l.clientWidth + 1).map(l => l.textContent)");
        cut.ShouldBeEmpty();

        var office = await EnglishPageAsync(browser, "office");
        await OpenAsync(office, AppRoutes.Catalogue);
        var itemHeader = office.Locator("th.catalogue-item-column").First;
        await itemHeader.WaitForAsync();
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("english-2-catalogue.png"), FullPage = true });
        var box = await itemHeader.BoundingBoxAsync();
        box.ShouldNotBeNull().Width.ShouldBeGreaterThanOrEqualTo(200, "the item column keeps room for a title");

        await OpenAsync(office, AppRoutes.Assessment);
        await office.Locator("[data-testid=chart-organizations] svg").First.WaitForAsync();
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("english-3-assessment.png"), FullPage = true });
        // The table's right edge inside its paper: MudBlazor's own container would scroll it sideways instead.
        var overflow = await office.EvaluateAsync<double>(
            "() => document.querySelector('.table-wrap table').getBoundingClientRect().right - document.querySelector('.table-wrap').getBoundingClientRect().right");
        overflow.ShouldBeLessThanOrEqualTo(1, "the assessment table fits without a sideways scroll");

        await OpenAsync(office, AppRoutes.Schedule);
        await office.Locator(".schedule-calendar").WaitForAsync();
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("english-4-schedule.png"), FullPage = true });
        var chips = office.Locator(".schedule-chip");
        if (await chips.CountAsync() > 0)
            (await office.Locator(".schedule-chip .schedule-chip-org").CountAsync()).ShouldBe(await chips.CountAsync(), "the office sees every organization: each chip names its own");
    }
}
