using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive.Packages;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>The demo Office archives a closed item, finds it in the register by a Chinese word from its body and downloads its package.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ArchiveBrowserTests(AppServer server)
{
    /// <summary>A closed demo item nobody has archived and whose feedback is settled, with a word from its body's description line.</summary>
    private async Task<(string Title, string Word)> ReadyItemAsync()
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var item = await db.Disclosures.AsNoTracking()
            .Where(d => d.State == DisclosureState.Closed && !db.ArchiveRecords.Any(r => r.DisclosureId == d.Id)
                && !db.Feedback.Any(f => f.DisclosureId == d.Id && f.State != FeedbackState.Closed))
            .OrderBy(d => d.ClosedAtUtc).ThenBy(d => d.Id)
            .Select(d => new { d.Title, d.Body })
            .FirstAsync();
        // The first line of the body's text is its heading; a word from the text after it.
        var line = App.Features.Publishing.Bodies.BodyHtml.ToPlainText(item.Body).Split('\n').Skip(1).First(l => l.Length >= 8);
        return (item.Title, line.Substring(2, 4));
    }

    [SkippableFact]
    public async Task The_office_archives_an_item_finds_it_by_a_word_of_its_body_and_downloads_its_package()
    {
        Support.Browser.SkipIfUnavailable();
        var (title, word) = await ReadyItemAsync();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "office");

        await page.GotoAsync(new Uri(server.BaseAddress, "/archive/ready").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"归档 {title}", Exact = true }).First.ClickAsync();
        var done = page.GetByTestId("archive-message");
        await Assertions.Expect(done).ToContainTextAsync("已归档，档号");
        var number = (await done.InnerTextAsync()).Split("档号").Last().Trim();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("archive-ready.png"), FullPage = true });

        await page.GotoAsync(new Uri(server.BaseAddress, "/archive").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        var search = page.GetByRole(AriaRole.Textbox, new() { Name = "全文检索" });
        await search.FillAsync(word);
        await search.PressAsync("Enter");
        var link = page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("archive-search.png"), FullPage = true });

        await link.ClickAsync();
        await Assertions.Expect(page.GetByTestId("archive-body")).ToContainTextAsync(word);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-package").ClickAsync());
        download.SuggestedFilename.ShouldBe($"{number}.zip");
        var path = Support.Browser.ArtifactPath($"{number}.zip");
        await download.SaveAsAsync(path);

        await using (var file = File.OpenRead(path))
        {
            var report = await ArchivePackageVerifier.VerifyAsync(file, Path.GetFileName(path), CancellationToken.None);
            report.Passed.ShouldBeTrue(string.Join("; ", report.Problems));
        }
        using var zip = ZipFile.OpenRead(path);
        var manifest = new StreamReader(zip.GetEntry(ArchivePackage.Manifest)!.Open()).ReadToEnd();
        manifest.ShouldContain("  data/record.json");
        manifest.ShouldContain("  data/content.md");
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
