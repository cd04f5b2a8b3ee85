using Microsoft.Playwright;
using PartyAffairs.Tests.Browser;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>Drill 5 in the browser: every page, as the role that reaches it, runs under the policy with no violation.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
[Trait("Category", "Drill")]
public sealed class PolicyBrowserDrillTests(AppServer server)
{
    [SkippableFact]
    public async Task Every_page_opens_without_a_content_security_policy_violation()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var violations = new List<string>();
        var visits = await DrillPages.AllAsync(server);

        foreach (var group in visits.GroupBy(v => v.UserName))
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
            var page = await context.NewPageAsync();
            await DrillPages.WatchPolicyAsync(page, violations);
            if (group.Key is { } userName) await Support.Browser.SignInAsync(page, server.BaseAddress, userName);
            foreach (var visit in group)
            {
                await DrillPages.OpenAsync(page, server.BaseAddress, visit.Path);
                (await page.Locator("#blazor-error-ui").IsVisibleAsync()).ShouldBeFalse(visit.Path);
            }
        }

        violations.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task A_print_button_still_prints_without_an_inline_handler()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        var violations = new List<string>();
        await DrillPages.WatchPolicyAsync(page, violations);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "office");
        await DrillPages.OpenAsync(page, server.BaseAddress, $"/assessment/report/{DateTime.UtcNow.Year}/print");
        await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => window.__printed++; }");

        await page.Locator("[data-print]").ClickAsync();

        (await page.EvaluateAsync<int>("() => window.__printed")).ShouldBe(1);
        violations.ShouldBeEmpty();

        // The watch itself can fail: an injected inline script is refused and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__x = 1'; document.body.appendChild(s); }");
        (await page.EvaluateAsync<bool>("() => window.__x === 1")).ShouldBeFalse();
        await Eventually.TrueAsync(() => violations.Count > 0, TimeSpan.FromSeconds(10), "the injected inline script is reported as a violation");
    }
}
