using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// Every role opens every page of its menu and every dialog or form those pages open with an enabled button (new, edit,
/// import, amend, record…), and sees no error: no ErrorBoundary message, no empty main area, no error bar, no console
/// error and no Error logged by the server. Nothing is submitted: each dialog is cancelled.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class SmokeTests(AppServer server, ITestOutputHelper output)
{
    private static readonly string[] DemoRoles = ["admin", "leader", "office", "secretary", "drafter", "handler", "member"];

    // Buttons that open a dialog or a form and change nothing until it is confirmed. Actions that change something
    // at once (submit, approve, delete, deactivate, reset a password…) are left out: the demo bureau is shared by every
    // browser test.
    [GeneratedRegex("^(新建|新增|添加|修改|登记|导入|复制|开启|记录|发起|更多)")]
    private static partial Regex Opener();

    // Set by the init script: the time of the last change to the page, so a test can wait until it has settled.
    private const string WatchMutations = """
        window.__lastMutation = Date.now();
        new MutationObserver(() => window.__lastMutation = Date.now())
            .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        """;

    [SkippableFact]
    public async Task Every_role_opens_every_menu_page_and_every_dialog_they_open_without_an_error()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var problems = new List<string>();
        var opened = new List<string>();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var role in DemoRoles)
        {
            var page = await Support.Browser.NewPageAsync(browser);
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") lock (consoleErrors) consoleErrors.Add(message.Text); };
            page.PageError += (_, error) => { lock (consoleErrors) consoleErrors.Add("page error: " + error); };
            await page.AddInitScriptAsync(WatchMutations);
            await Support.Browser.SignInAsync(page, server.BaseAddress, role);

            var links = await page.Locator(".mud-navmenu a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            links.ShouldNotBeEmpty(role);
            foreach (var href in links.Distinct())
            {
                var mark = server.Logs.Mark;
                await OpenAsync(page, href);
                await CheckAsync(page, $"{role} {href}", consoleErrors, mark, problems);

                var buttons = await OpenerButtonsAsync(page);
                foreach (var (label, index) in buttons)
                {
                    mark = server.Logs.Mark;
                    var where = $"{role} {href} [{label}]";
                    var button = page.Locator(".shell-content button:visible:enabled").Nth(index);
                    if (!Opener().IsMatch(await LabelOfAsync(button)))
                    {
                        // The page changed under us (it should not): start again from a fresh copy of it.
                        await OpenAsync(page, href);
                        button = page.Locator(".shell-content button:visible:enabled").Nth(index);
                    }
                    await button.ClickAsync();
                    await SettledAsync(page);
                    var dialog = page.Locator(".mud-dialog");
                    opened.Add($"{where} -> {(await dialog.CountAsync() > 0 ? "dialog" : "in page")}");
                    await CheckAsync(page, where, consoleErrors, mark, problems);
                    if (await dialog.CountAsync() > 0) await CloseDialogAsync(page, dialog);
                    else await OpenAsync(page, href); // An inline form: leave it unsaved by reloading the page.
                }
            }
            await page.Context.CloseAsync();
            output.WriteLine($"{role}: {links.Length} pages, done at {clock.Elapsed.TotalSeconds:0.0} s");
        }

        foreach (var line in opened) output.WriteLine(line);
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    private async Task OpenAsync(IPage page, string href)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, href).ToString());
        if (await page.Locator("[data-circuit]").CountAsync() > 0)
        {
            await page.Locator("[data-circuit=live]").WaitForAsync(new() { Timeout = 30_000 });
        }
        await SettledAsync(page);
    }

    /// <summary>Waits until the page has not changed for a moment: its data loaded, its dialog shown or its error rendered.</summary>
    private static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => Date.now() - window.__lastMutation > 250", null, new() { PollingInterval = 100, Timeout = 30_000 });

    private static async Task<IReadOnlyList<(string Label, int Index)>> OpenerButtonsAsync(IPage page)
    {
        var buttons = page.Locator(".shell-content button:visible:enabled");
        var count = await buttons.CountAsync();
        var openers = new List<(string, int)>();
        var seen = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var label = await LabelOfAsync(buttons.Nth(i));
            // One button of a kind per page (each row's "修改" opens the same dialog).
            if (Opener().IsMatch(label) && seen.Add(label)) openers.Add((label, i));
        }
        return openers;
    }

    private static async Task<string> LabelOfAsync(ILocator button) =>
        ((await button.GetAttributeAsync("aria-label")) is { Length: > 0 } aria ? aria : await button.InnerTextAsync()).Trim();

    private static async Task CloseDialogAsync(IPage page, ILocator dialog)
    {
        var cancel = dialog.Last.GetByRole(AriaRole.Button, new() { Name = "取消" });
        if (await cancel.CountAsync() > 0) await cancel.First.ClickAsync();
        else await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await SettledAsync(page);
    }

    private async Task CheckAsync(IPage page, string where, List<string> consoleErrors, long mark, List<string> problems)
    {
        var before = problems.Count;
        if (await page.Locator("[data-testid=page-error]").CountAsync() > 0) problems.Add($"{where}: the page shows its error message");
        if (await page.Locator("#blazor-error-ui").IsVisibleAsync()) problems.Add($"{where}: the error bar is shown");
        var main = page.Locator(".shell-content");
        if (await main.CountAsync() > 0 && (await main.InnerTextAsync()).Trim().Length == 0) problems.Add($"{where}: the main area is empty");
        lock (consoleErrors)
        {
            problems.AddRange(consoleErrors.Select(e => $"{where}: console error {e}"));
            consoleErrors.Clear();
        }
        // An exception an ErrorBoundary caught is logged as a Warning: it is an error all the same.
        problems.AddRange(server.Logs.Since(mark, LogLevel.Warning)
            .Where(e => e.Level >= LogLevel.Error || e.Category.Contains("ErrorBoundary", StringComparison.Ordinal))
            .Select(e => $"{where}: server {e.Level} {e.Category}: {e.Message}"));
        if (problems.Count > before) await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath($"smoke-{Regex.Replace(where, @"[^\w]+", "-")}.png") });
    }
}
