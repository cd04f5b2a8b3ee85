using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>An anonymous visitor reads the board as the public does: the list, an item with its feedback link, the printed board.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BoardBrowserTests(AppServer server)
{
    /// <summary>A standing item of the demo data, public and on display for a year.</summary>
    // The demo keeps this year's standing content (长期公开) on the board all year.
    private static readonly string StandingItem =
        $"党组织设置及党员队伍基本情况（{TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai").Year}年度）";

    [SkippableFact]
    public async Task An_anonymous_visitor_reads_a_public_item_finds_the_feedback_link_and_prints_the_board()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);

        await page.GotoAsync(new Uri(server.BaseAddress, "/board").ToString());
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync("公开栏");
        await Assertions.Expect(page.GetByText("长期公开").First).ToBeVisibleAsync();
        var item = page.GetByRole(AriaRole.Link, new() { Name = StandingItem });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board.png"), FullPage = true });

        await item.ClickAsync();
        await page.WaitForURLAsync("**/board/*");
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync(StandingItem);
        await Assertions.Expect(page.GetByTestId("on-display")).ToBeVisibleAsync();
        var feedback = page.GetByTestId("feedback-link");
        await Assertions.Expect(feedback).ToHaveTextAsync("我要提意见");
        (await feedback.GetAttributeAsync("href") ?? "").ShouldMatch(@"^/board/\d+/feedback$");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board-item.png"), FullPage = true });

        await page.GotoAsync(new Uri(server.BaseAddress, "/board/print").ToString());
        await page.GetByTestId("print-picker").GetByRole(AriaRole.Link, new() { Name = "A4" }).First.ClickAsync();
        await page.WaitForURLAsync("**/board/print?org=*");
        await Assertions.Expect(page.GetByTestId("print-item").First).ToBeVisibleAsync();
        (await page.Locator("[data-testid=print-item] svg").CountAsync()).ShouldBe(2 * await page.GetByTestId("print-item").CountAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".board-header")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board-print.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task The_board_and_its_search_work_with_JavaScript_off()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(server.BaseAddress, "/board").ToString());
        await page.GetByTestId("board-search").FillAsync("党组织设置");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync("**/board?q=*");
        await Assertions.Expect(page.GetByTestId("board-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = StandingItem })).ToBeVisibleAsync();
    }
}
