using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// A correction replaces what it corrects (再次公开): the secretary corrects a published item of her catalogue and
/// approves the correction; the anonymous board, printed board and lobby screen then show only the correction, and the
/// corrected version's page says so and links forward.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CorrectionBrowserTests(AppServer server)
{
    private readonly string marker = Guid.NewGuid().ToString("N")[..6];

    /// <summary>A Public board item of the secretary's branch fulfilling one of its open catalogue occurrences, on display now.</summary>
    private async Task<(int Id, int OrganizationId)> PublishedAsync()
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var secretary = await db.Users.SingleAsync(u => u.UserName == "secretary");
        var actor = new Actor(secretary.Id, "secretary", secretary.OrganizationId, new HashSet<string> { Roles.Secretary });
        var occurrence = await db.CatalogueOccurrences.Include(o => o.CatalogueItem)
            .Where(o => o.State == OccurrenceState.Open && o.CatalogueItem!.OrganizationId == secretary.OrganizationId
                && o.CatalogueItem.Cadence != Cadence.Immediate && o.CatalogueItem.Cadence != Cadence.Phased)
            .OrderBy(o => o.DueDate).FirstAsync();
        var item = occurrence.CatalogueItem!;
        var now = DateTime.UtcNow;
        var d = Disclosure.ForOccurrence(occurrence, item, actor, now);
        d.Edit($"更正前的通知{marker}", "会议定于周三召开。", item.Channels | Channel.Board, Audience.Public, now, now.AddDays(8), false, actor, now);
        d.Submit(actor, now, []);
        d.Approve(actor, now, true);
        db.Disclosures.Add(d);
        await db.SaveChangesAsync();
        d.Publish(Actor.System, now);
        await db.SaveChangesAsync();
        return (d.Id, d.OrganizationId);
    }

    [SkippableFact]
    public async Task The_secretary_publishes_a_correction_and_only_it_stays_on_the_public_board()
    {
        Support.Browser.SkipIfUnavailable();
        var (id, organizationId) = await PublishedAsync();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "secretary");
        await page.GotoAsync(new Uri(server.BaseAddress, $"/disclosures/{id}").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "再次公开" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByLabel("修订原因").FillAsync("会议日期有误");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith($"/disclosures/{id}", StringComparison.Ordinal));
        var correctionId = int.Parse(new Uri(page.Url).Segments.Last());
        await Assertions.Expect(page.GetByTestId("revision-reason")).ToHaveTextAsync("会议日期有误");

        await page.GotoAsync(new Uri(server.BaseAddress, $"/disclosures/{correctionId}/edit").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        var title = page.GetByLabel("标题", new() { Exact = true });
        await title.FillAsync($"更正后的通知{marker}");
        await title.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();
        await page.GetByTestId("submit").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/disclosures/{correctionId}", StringComparison.Ordinal));
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await page.GetByLabel("我已进行保密审查，确认公开内容不涉及党和国家秘密").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("superseded-by")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("已公开").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("correction-approved.png"), FullPage = true });

        // An anonymous visitor: board, printed board and lobby screen show the correction only.
        var visitor = await Support.Browser.NewPageAsync(browser);
        await visitor.GotoAsync(new Uri(server.BaseAddress, "/board").ToString());
        await Assertions.Expect(visitor.GetByText($"更正后的通知{marker}")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText($"更正前的通知{marker}")).ToHaveCountAsync(0);
        await visitor.GotoAsync(new Uri(server.BaseAddress, $"/board/print?org={organizationId}").ToString());
        await Assertions.Expect(visitor.GetByText($"更正后的通知{marker}")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText($"更正前的通知{marker}")).ToHaveCountAsync(0);
        var onScreen = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await visitor.GotoAsync(new Uri(server.BaseAddress, $"/board/screen?org={organizationId}&i={i}").ToString());
            onScreen.Add(await visitor.Locator("body").InnerTextAsync());
        }
        onScreen.ShouldContain(text => text.Contains($"更正后的通知{marker}"));
        onScreen.ShouldNotContain(text => text.Contains($"更正前的通知{marker}"));

        await visitor.GotoAsync(new Uri(server.BaseAddress, $"/board/{id}").ToString());
        var banner = visitor.GetByTestId("superseded-banner");
        await Assertions.Expect(banner).ToContainTextAsync("本事项已更正，见第 2 次公开");
        await visitor.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("correction-superseded-page.png"), FullPage = true });
        await banner.GetByRole(AriaRole.Link).ClickAsync();
        await visitor.WaitForURLAsync(url => url.EndsWith($"/board/{correctionId}", StringComparison.Ordinal));
        await Assertions.Expect(visitor.GetByTestId("revision-reason")).ToContainTextAsync("会议日期有误");
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
