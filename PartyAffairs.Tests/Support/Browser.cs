using Microsoft.Playwright;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver (its own browser download does not work here).
/// Where no browser is installed the browser tests skip with the reason — except under CI=true, where a
/// missing browser must fail the run rather than pass it silently.
/// </summary>
public static class Browser
{
    public static string? ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
            if (!string.IsNullOrEmpty(configured)) return configured;
            return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void SkipIfUnavailable() =>
        Skip.If(ExecutablePath is null && !IsCi,
            "Chromium not found (install Debian's chromium, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE); browser tests skipped.");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Two busy cores: a page can take longer than Playwright's default five seconds to settle.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>A fresh page in Chinese at a desktop size.</summary>
    public static Task<IPage> NewPageAsync(IBrowser browser) =>
        browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 } });

    /// <summary>Signs in through the form, as a person does, and waits until the page is live (its circuit started).</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string userName, string password = "Demo@2026")
    {
        await page.GotoAsync(new Uri(baseAddress, "/Account/Login").ToString());
        await page.FillAsync("input[name='Input.UserName']", userName);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type='submit']");
        await page.Locator("[data-circuit=live]").WaitForAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Runs a step of a browser test; if it fails, keeps what the person would have seen (a screenshot and the page's text) and
    /// what the server logged at warning or above during the step, then fails as it did. For steps that have failed rarely and
    /// never when watched: the next failure says why.
    /// </summary>
    public static async Task WithEvidenceAsync(IPage page, ServerLogCapture logs, Xunit.Abstractions.ITestOutputHelper output, string name, Func<Task> step)
    {
        var mark = logs.Mark;
        try
        {
            await step();
        }
        catch
        {
            var screenshot = ArtifactPath($"failed-{name}.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"'{name}' failed at {page.Url}; screenshot {screenshot}; the page said:");
            output.WriteLine(await page.Locator("body").InnerTextAsync());
            foreach (var entry in logs.Since(mark, Microsoft.Extensions.Logging.LogLevel.Warning))
                output.WriteLine($"server {entry.Level} {entry.Category}: {entry.Message}");
            throw;
        }
    }

    /// <summary>Where screenshots go: kept after the run for a person to look at.</summary>
    public static string ArtifactPath(string fileName)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
