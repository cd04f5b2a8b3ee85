using Microsoft.Playwright;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Support.PrintedBoardCast;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// The printed board and the lobby screen as people see them: the anonymous sheet, a member's sheet with internal items
/// chosen by the checkbox, and a long item on the lobby screen rolling through until its last line is in view.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PrintedBoardBrowserTests(AppServer server)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PrintedBoardCast? cast;

    private async Task<PrintedBoardCast> CastAsync()
    {
        await Gate.WaitAsync();
        try { return cast ??= await PrintedBoardCast.CreateAsync(server.Services, "B"); }
        finally { Gate.Release(); }
    }

    [SkippableFact]
    public async Task A_member_chooses_internal_items_for_the_sheet_and_sees_them_labelled_under_a_warning()
    {
        Support.Browser.SkipIfUnavailable();
        var c = await CastAsync();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        var sheet = new Uri(server.BaseAddress, $"/board/print?org={c.OrganizationId}&paper=A4").ToString();

        await page.GotoAsync(sheet);
        await Assertions.Expect(page.GetByTestId("print-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText(PublicBoard)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(Summary)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("print-options")).ToHaveCountAsync(0);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board-print-anonymous.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await Support.Browser.SignInAsync(page, server.BaseAddress, c.MemberUserName, MemberPassword);
        await page.GotoAsync(sheet);
        await Assertions.Expect(page.GetByTestId("print-item")).ToHaveCountAsync(1);
        await page.GetByLabel("包含党内公开、本组织公开的事项").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "更新" }).ClickAsync();
        await page.WaitForURLAsync("**internal=1*");
        await Assertions.Expect(page.GetByTestId("print-item")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("print-internal-warning")).ToBeVisibleAsync();
        Task Labelled(string title, string audience) => Assertions.Expect(
            page.GetByTestId("print-item").Filter(new() { HasText = title }).GetByTestId("print-audience")).ToHaveTextAsync(audience);
        await Labelled(MembersBoard, "党内公开");
        await Labelled(OwnBoard, "本组织公开");
        await Assertions.Expect(page.GetByTestId("print-item").Filter(new() { HasText = PublicBoard }).GetByTestId("print-audience")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("包含党内公开、本组织公开的事项")).ToBeCheckedAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("print-options")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board-print-internal.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task A_long_item_on_the_lobby_screen_rolls_until_its_last_line_is_in_view()
    {
        Support.Browser.SkipIfUnavailable();
        var c = await CastAsync();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1920, Height = 1080 } });

        await page.GotoAsync(new Uri(server.BaseAddress, $"/board/screen?org={c.LongOrganizationId}&i=0").ToString());
        var frame = page.GetByTestId("screen-frame");
        var end = page.GetByTestId("screen-end");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(LongTitle);
        var frameBox = (await frame.BoundingBoxAsync())!;
        (await end.BoundingBoxAsync())!.Y.ShouldBeGreaterThan(frameBox.Y + frameBox.Height, "the item is longer than the screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board-screen-long-start.png") });

        // Fast-forward the roll to the end of the item's time on the screen, as the lobby would see it before the next item.
        await page.EvaluateAsync("() => document.getAnimations().forEach(a => a.finish())");
        var endBox = (await end.BoundingBoxAsync())!;
        endBox.Y.ShouldBeGreaterThanOrEqualTo(frameBox.Y);
        (endBox.Y + endBox.Height).ShouldBeLessThanOrEqualTo(frameBox.Y + frameBox.Height + 1);
        await Assertions.Expect(page.GetByText(LongLastLine)).ToBeInViewportAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board-screen-long-end.png") });

        // The public item with a disclosed result: its summary and result on the screen.
        await page.GotoAsync(new Uri(server.BaseAddress, $"/board/screen?org={c.OrganizationId}&i=0").ToString());
        for (var i = 1; i < 3 && await page.Locator("h1").InnerTextAsync() != PublicBoard; i++)
            await page.GotoAsync(new Uri(server.BaseAddress, $"/board/screen?org={c.OrganizationId}&i={i}").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PublicBoard);
        await Assertions.Expect(page.GetByText(Summary)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("board-screen-results.png") });
    }
}
