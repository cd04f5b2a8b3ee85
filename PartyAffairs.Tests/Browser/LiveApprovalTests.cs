using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Browser;

/// <summary>Step 2 end to end in two browsers side by side, as the acceptance describes it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LiveApprovalTests(AppServer server, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_drafters_submission_reaches_the_open_dashboard_live_the_office_approves_and_the_drafters_bell_shows_it()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var title = $"临时公开事项 {Guid.NewGuid():N}"[..14];

        // The Office watches the dashboard; it is never reloaded below.
        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(new Uri(server.BaseAddress, "/dashboard").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(office.Locator("h1")).ToContainTextAsync("审批看板");

        // The drafter writes an out-of-catalogue item in another browser context and submits it.
        var drafter = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(drafter, server.BaseAddress, "drafter");
        await drafter.GotoAsync(new Uri(server.BaseAddress, "/disclosures/new").ToString());
        await drafter.Locator("[data-circuit=live]").WaitForAsync();
        var outOfCatalogue = drafter.Locator("[data-testid=out-of-catalogue]");
        await outOfCatalogue.GetByRole(AriaRole.Combobox, new() { Name = "类别" }).ClickAsync();
        await drafter.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "其它事项" }).ClickAsync();
        await outOfCatalogue.GetByLabel("纳入公开的理由").FillAsync("上级党委临时要求公开");
        // Enabled once the circuit has the category and the reason (a click before that did nothing under load).
        await Assertions.Expect(outOfCatalogue.Locator("[data-testid=start-out]")).ToBeEnabledAsync();
        await outOfCatalogue.Locator("[data-testid=start-out]").ClickAsync();
        await drafter.WaitForURLAsync("**/disclosures/*/edit");
        // Once (in CI, under load) the title was not stored while the body was: what the page then showed is kept.
        await Support.Browser.WithEvidenceAsync(drafter, server.Logs, output, "live-draft", async () =>
        {
            await drafter.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
            await drafter.Locator("[data-testid=body-editor] .ProseMirror").FillAsync("根据上级党委要求，现将有关事项公开如下。");
            await Assertions.Expect(drafter.Locator("[data-testid=checks]")).ToContainTextAsync("检查通过", new() { Timeout = 20_000 });
        });

        await drafter.Locator("[data-testid=submit]").ClickAsync();
        await drafter.WaitForURLAsync(new Regex("/disclosures/\\d+$"));
        var submittedAt = Stopwatch.StartNew();
        await Assertions.Expect(drafter.GetByText("已提交").First).ToBeVisibleAsync();

        // The open dashboard shows it without a reload. The figure is printed; the target is 2 s.
        var waiting = office.GetByText(title).First;
        await Assertions.Expect(waiting).ToBeVisibleAsync(new() { Timeout = 10_000 });
        output.WriteLine($"Submission reached the open dashboard {submittedAt.ElapsedMilliseconds} ms after the drafter saw it submitted.");
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("live-1-dashboard.png"), FullPage = true });

        // A click opens the review; the Office confirms the confidentiality check and approves.
        await waiting.ClickAsync();
        await office.WaitForURLAsync(new Regex("/disclosures/\\d+$"));
        // The review page says whose approval this is and why, before the button.
        await Assertions.Expect(office.Locator("[data-testid=review-routing]")).ToContainTextAsync("目录外事项，须由领导小组办公室审批");
        await office.GetByLabel("我已进行保密审查，确认公开内容不涉及党和国家秘密").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        // Its start time has come (the draft starts now), so approval publishes it at once.
        await Assertions.Expect(office.GetByText("已公开").First).ToBeVisibleAsync();

        // The drafter's bell counts the approval without a reload.
        var bell = drafter.Locator("[data-testid=notification-bell]");
        await Assertions.Expect(bell.Locator(".mud-badge")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await bell.Locator("button").ClickAsync();
        await Assertions.Expect(drafter.Locator("[data-testid=notification-item]").Filter(new() { HasText = title }).First).ToBeVisibleAsync();
        await drafter.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("live-2-drafter-bell.png"), FullPage = true });

        await drafter.ReloadAsync();
        await Assertions.Expect(drafter.GetByText("已公开").First).ToBeVisibleAsync();
    }
}
