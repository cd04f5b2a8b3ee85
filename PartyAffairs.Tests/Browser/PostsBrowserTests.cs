using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// One person, two posts, in the running app over the demo seed: 郑卫东 (secretary of 社会福利院党支部, drafter of
/// 救助管理站党支部 besides) picks the post he acts in from the app bar and drafts for either branch; the Admin sees and edits
/// the post held besides on the users page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PostsBrowserTests(AppServer server)
{
    [SkippableFact]
    public async Task A_person_with_two_posts_picks_the_one_he_acts_in_and_the_admin_sees_it()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "secretary3");
        await page.Locator("[data-circuit=live]").WaitForAsync();

        var picker = page.GetByTestId("post-picker");
        await Assertions.Expect(picker).ToContainTextAsync("按事项自动确定身份");
        await picker.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "救助管理站党支部 · 起草人" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("post-picker")).ToContainTextAsync("救助管理站党支部 · 起草人");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("posts-picker.png") });

        // The choice holds on the next page.
        await page.GotoAsync(new Uri(server.BaseAddress, "/disclosures/new").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("post-picker")).ToContainTextAsync("救助管理站党支部 · 起草人");
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        var admin = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(admin, server.BaseAddress, "admin");
        await admin.GotoAsync(new Uri(server.BaseAddress, "/admin/users").ToString());
        await admin.Locator("[data-circuit=live]").WaitForAsync();
        var row = admin.Locator("tr").Filter(new() { HasText = "secretary3" });
        await Assertions.Expect(row).ToContainTextAsync("救助管理站党支部·起草人");
        await row.GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByTestId("post-besides")).ToHaveCountAsync(1);
        await admin.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("posts-admin-dialog.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
