using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DraftingTests(AppServer server)
{
    [SkippableFact]
    public async Task A_drafter_writes_an_out_of_catalogue_item_that_autosaves_survives_a_reload_and_is_submitted()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var title = $"临时通知 {Guid.NewGuid():N}"[..12];

        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        await page.GotoAsync(new Uri(server.BaseAddress, "/disclosures").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建公开" }).ClickAsync();

        var outOfCatalogue = page.Locator("[data-testid=out-of-catalogue]");
        await outOfCatalogue.WaitForAsync();
        await outOfCatalogue.GetByRole(AriaRole.Combobox, new() { Name = "类别" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "其它事项" }).ClickAsync();
        await outOfCatalogue.GetByLabel("纳入公开的理由").FillAsync("上级党委临时要求公开");
        // Enabled once the circuit has the category and the reason: what a person waits for before clicking.
        await Assertions.Expect(outOfCatalogue.Locator("[data-testid=start-out]")).ToBeEnabledAsync();
        await outOfCatalogue.Locator("[data-testid=start-out]").ClickAsync();
        await page.WaitForURLAsync("**/disclosures/*/edit");

        // The new draft may already say 已自动保存 (its creation): only a later save can hold what is typed next.
        await page.Locator("[data-circuit=live]").WaitForAsync();
        var createdState = (await page.Locator("[data-testid=save-state]").InnerTextAsync()).Trim();
        await page.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        // Typed into the editor, the last words bold from the toolbar: the editor is its own preview.
        var body = Body(page);
        await body.FillAsync("本周五下午召开支部党员大会。<script>alert(1)</script>");
        await body.PressAsync("End");
        await page.GetByRole(AriaRole.Button, new() { Name = "加粗" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "加粗" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.TypeAsync("请准时参加");
        await Assertions.Expect(body.Locator("strong")).ToHaveTextAsync("请准时参加");
        await Assertions.Expect(body.Locator("script")).ToHaveCountAsync(0);
        // No blur: the timer alone must store the text within the autosave interval.
        await Assertions.Expect(page.Locator("[data-testid=save-state]")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^\\s*已自动保存 (?!" + System.Text.RegularExpressions.Regex.Escape(createdState.Replace("已自动保存 ", "")) + "$)"),
            new() { Timeout = 15_000 });

        await page.ReloadAsync();
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(page.GetByLabel("标题", new() { Exact = true })).ToHaveValueAsync(title);
        await Assertions.Expect(Body(page).Locator("strong")).ToHaveTextAsync("请准时参加");
        await Assertions.Expect(page.Locator("[data-testid=checks]")).ToContainTextAsync("检查通过");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("drafting-autosaved.png"), FullPage = true });

        await page.Locator("[data-testid=submit]").DblClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/disclosures/\\d+$"));
        await Assertions.Expect(page.GetByText("已提交").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=disclosure-body]")).ToContainTextAsync("请准时参加");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("drafting-submitted.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task A_typed_end_before_the_start_shows_in_the_checks_and_unsaved_text_is_kept_by_the_browser()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        var id = await StartOutOfCatalogueAsync(page);

        await page.GetByLabel("标题", new() { Exact = true }).FillAsync("换届选举结果公示");
        await Body(page).FillAsync("经支部党员大会选举，产生新一届支部委员会。");
        await Assertions.Expect(page.Locator("[data-testid=check-ok]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // Typed, not picked: the end date the day before the start (the draft starts when it was created, today).
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddDays(-1);
        var until = page.GetByRole(AriaRole.Textbox, new() { Name = "公开结束 日期" });
        await until.FillAsync(yesterday.ToString("yyyy-MM-dd"));
        await until.PressAsync("Tab");

        var checks = page.Locator("[data-testid=checks]");
        await Assertions.Expect(checks).ToContainTextAsync("公开结束时间须晚于开始时间。", new() { Timeout = 15_000 });
        await Assertions.Expect(checks).Not.ToContainTextAsync("检查通过");
        await page.Keyboard.PressAsync("Escape");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("drafting-period-reversed.png"), FullPage = true });

        // Every keystroke is copied to the browser's storage; once the server holds it, the copy goes and leaving asks nothing.
        var key = $"partyaffairs.draft.{id}";
        await Body(page).FillAsync("经支部党员大会选举，产生新一届支部委员会。现予公示。");
        (await page.EvaluateAsync<string?>("k => localStorage.getItem(k)", key) ?? "").ShouldContain("现予公示");
        await WaitUntilAsync(page, $"() => localStorage.getItem('{key}') === null");
        (await LeavingAsksAsync(page)).ShouldBeFalse();
        await Body(page).PressSequentiallyAsync("！");
        (await LeavingAsksAsync(page)).ShouldBeTrue();
        await WaitUntilAsync(page, $"() => localStorage.getItem('{key}') === null");

        // Text typed after the last save that never reached the server (a restart, a lost connection) is offered back.
        await page.EvaluateAsync("k => localStorage.setItem(k, JSON.stringify({ title: '换届选举结果公示', body: '<p>断线前写下的<strong>正文</strong></p>', at: Date.now() }))", key);
        await page.ReloadAsync();
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=backup-offer]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("drafting-backup-offer.png"), FullPage = true });
        await page.Locator("[data-testid=backup-restore]").ClickAsync();
        await Assertions.Expect(Body(page)).ToHaveTextAsync("断线前写下的正文");
        await Assertions.Expect(Body(page).Locator("strong")).ToHaveTextAsync("正文");
        await WaitUntilAsync(page, $"() => localStorage.getItem('{key}') === null");
        await page.ReloadAsync();
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(Body(page)).ToHaveTextAsync("断线前写下的正文");
        await Assertions.Expect(Body(page).Locator("strong")).ToHaveTextAsync("正文");
        await Assertions.Expect(page.Locator("[data-testid=backup-offer]")).ToHaveCountAsync(0);
    }

    private static ILocator Body(IPage page) => page.Locator("[data-testid=body-editor] .ProseMirror");

    private static async Task<int> StartOutOfCatalogueAsync(IPage page)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/disclosures/new").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        var outOfCatalogue = page.Locator("[data-testid=out-of-catalogue]");
        await outOfCatalogue.WaitForAsync();
        await outOfCatalogue.GetByRole(AriaRole.Combobox, new() { Name = "类别" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "其它事项" }).ClickAsync();
        await outOfCatalogue.GetByLabel("纳入公开的理由").FillAsync("上级党委临时要求公开");
        await Assertions.Expect(outOfCatalogue.Locator("[data-testid=start-out]")).ToBeEnabledAsync();
        await outOfCatalogue.Locator("[data-testid=start-out]").ClickAsync();
        await page.WaitForURLAsync("**/disclosures/*/edit");
        await page.Locator("[data-testid=checks]").WaitForAsync();
        return int.Parse(new Uri(page.Url).Segments[^2].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether closing the tab now would ask first (the page's beforeunload handler cancels the event).</summary>
    private static Task<bool> LeavingAsksAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }");

    private static async Task WaitUntilAsync(IPage page, string condition) =>
        await page.WaitForFunctionAsync(condition, null, new() { Timeout = 15_000 });
}
