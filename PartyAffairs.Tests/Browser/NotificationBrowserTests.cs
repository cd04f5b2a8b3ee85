using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NotificationBrowserTests(AppServer server)
{
    [SkippableFact]
    public async Task The_secretary_opens_the_bell_marks_everything_read_and_reaches_My_work_from_the_menu()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "secretary");

        var badge = page.Locator("[data-testid=notification-bell] .mud-badge");
        await Assertions.Expect(badge).ToBeVisibleAsync();
        await page.Locator("[data-testid=notification-bell] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notification-item]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("notification-bell.png") });
        await page.Locator("[data-testid=notification-mark-all]").ClickAsync();
        await Assertions.Expect(badge).ToBeHiddenAsync();

        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "我的工作", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync("我的工作");
        await Assertions.Expect(page.Locator("[data-testid=page-error]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("my-work.png"), FullPage = true });
    }
}
