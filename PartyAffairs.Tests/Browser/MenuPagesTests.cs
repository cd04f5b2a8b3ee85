using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MenuPagesTests(AppServer server)
{
    [SkippableTheory]
    [InlineData("office", "公开目录", "党务公开目录")]
    [InlineData("office", "实施公开", "公开事项")]
    [InlineData("office", "意见反馈", "意见反馈")]
    [InlineData("office", "归档保管", "归档保管")]
    [InlineData("office", "考核统计", "考核统计")]
    [InlineData("office", "审批看板", "审批看板")]
    [InlineData("secretary", "考核统计", "考核统计")]
    [InlineData("member", "实施公开", "公开事项")]
    [InlineData("admin", "组织机构", "组织机构")]
    [InlineData("admin", "用户管理", "用户管理")]
    [InlineData("admin", "工作日历", "工作日历")]
    [InlineData("admin", "系统设置", "系统设置")]
    [InlineData("member", "公开栏", "公开栏")]
    public async Task Each_menu_page_opens_from_the_menu_with_its_Chinese_heading_and_no_error(string userName, string menuEntry, string heading)
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, userName);
        await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync("您好");

        // Inside the live circuit: the menu navigates without a page load.
        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = menuEntry, Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync(heading);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("[data-testid=page-error]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Support.Browser.ArtifactPath($"page-{userName}-{new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-')}.png"),
            FullPage = true,
        });
    }
}
