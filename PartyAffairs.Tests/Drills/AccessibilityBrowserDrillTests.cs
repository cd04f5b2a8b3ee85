using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PartyAffairs.Tests.Browser;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>Drill 7: axe finds no serious or critical accessibility violation on the pages people use most.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
[Trait("Category", "Drill")]
public sealed class AccessibilityBrowserDrillTests(AppServer server)
{
    [SkippableFact]
    public async Task The_main_pages_have_no_serious_or_critical_accessibility_violation()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var pages = await DrillPages.AllAsync(server);
        string PathOf(string prefix, string? user) => pages.First(p => p.UserName == user && p.Path.StartsWith(prefix, StringComparison.Ordinal)).Path;
        var checks = new (string? User, string Path)[]
        {
            (null, "/Account/Login"), (null, "/board"), (null, PathOf("/board/", null).Split("/feedback")[0]),
            ("drafter", pages.First(p => p.Path.EndsWith("/edit", StringComparison.Ordinal)).Path), ("office", "/dashboard"),
        };
        var findings = new List<string>();

        foreach (var (user, path) in checks)
        {
            var page = await Support.Browser.NewPageAsync(browser);
            if (user is not null) await Support.Browser.SignInAsync(page, server.BaseAddress, user);
            await DrillPages.OpenAsync(page, server.BaseAddress, path);
            var result = await page.RunAxe();
            findings.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            await page.CloseAsync();
        }

        findings.ShouldBeEmpty();
    }
}
