using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BodyTemplateBrowserTests(AppServer server)
{
    [SkippableFact]
    public async Task The_office_opens_the_demo_三会一课_lines_body_template_sees_its_table_in_the_preview_and_cancels()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(new Uri(server.BaseAddress, "/catalogue").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();

        var row = office.Locator(".mud-table-body tr").Filter(new() { HasText = "“三会一课”开展情况" }).First;
        await Assertions.Expect(row.GetByTestId("has-body-template")).ToBeVisibleAsync();
        await row.GetByTestId("body-template-edit").ClickAsync();

        var dialog = office.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("正文模板：“三会一课”开展情况");
        // The template opens in the rich editor, as a draft started from this line will.
        var preview = dialog.GetByTestId("body-template-editor").Locator(".ProseMirror");
        await Assertions.Expect(preview.Locator("th")).ToHaveTextAsync(["日期", "会议类型", "主题", "参加人数", "记录人"]);
        await Assertions.Expect(preview.Locator("tbody tr td")).ToHaveCountAsync(5);
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("body-template-dialog.png"), FullPage = true });

        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(office.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }
}
