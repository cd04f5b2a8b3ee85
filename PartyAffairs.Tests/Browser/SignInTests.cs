using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInTests(AppServer server)
{
    [SkippableFact]
    public async Task The_demo_secretary_signs_in_and_sees_the_Chinese_home_page()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);

        await page.GotoAsync(new Uri(server.BaseAddress, "/").ToString());
        await page.WaitForURLAsync("**/Account/Login**");
        (await page.TitleAsync()).ShouldContain("登录");

        await page.FillAsync("input[name='Input.UserName']", "secretary");
        await page.FillAsync("input[name='Input.Password']", "Demo@2026");
        await page.ClickAsync("button[type='submit']");

        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await page.Locator("[data-circuit=live]").WaitForAsync();
        var heading = page.Locator("h1").First;
        await Assertions.Expect(heading).ToContainTextAsync("您好，张明");
        await Assertions.Expect(page.GetByText("机关第一党支部").First).ToBeVisibleAsync();
        // The circuit is live: the navigation reacts without a reload.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "公开目录", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("secretary-home.png"), FullPage = true });
    }

    [SkippableTheory]
    [InlineData("admin", "admin")]
    [InlineData("leader", "leader")]
    [InlineData("office", "office")]
    [InlineData("secretary", "secretary")]
    [InlineData("secretary2", "secretary")]
    [InlineData("drafter", "drafter")]
    [InlineData("handler", "feedback-handler")]
    [InlineData("member", "member")]
    public async Task Every_demo_user_signs_in_and_sees_the_home_section_of_their_role(string userName, string section)
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);

        await Support.Browser.SignInAsync(page, server.BaseAddress, userName);

        await Assertions.Expect(page.Locator($"[data-section='{section}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync("您好");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath($"home-{userName}.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task A_wrong_password_is_told_in_Chinese_and_the_fifth_failure_locks_the_account()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN" });
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.CreateAsync(new ApplicationUser { UserName = "lockme", DisplayName = "锁定测试", LockoutEnabled = true }, "Demo@2026")).Succeeded.ShouldBeTrue();
        }

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "/Account/Login").ToString());
            await page.FillAsync("input[name='Input.UserName']", "lockme");
            await page.FillAsync("input[name='Input.Password']", "wrong-password");
            await page.ClickAsync("button[type='submit']");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("锁定");

        // Even the right password is refused while locked out.
        await page.GotoAsync(new Uri(server.BaseAddress, "/Account/Login").ToString());
        await page.FillAsync("input[name='Input.UserName']", "lockme");
        await page.FillAsync("input[name='Input.Password']", "Demo@2026");
        await page.ClickAsync("button[type='submit']");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("锁定");
    }
}
