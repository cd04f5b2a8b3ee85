using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// Issue 5's acceptance, as people do it: a visitor (no one signed in) opens the board, reads a public item and gives
/// feedback through the plain form; the FeedbackHandler assigns, answers and reports it; the Leader acknowledges it;
/// the result shows on the item's public page. Then no internal item, draft or attachment of theirs opens anonymously.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FeedbackHandlingBrowserTests(AppServer server)
{
    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
    }

    [SkippableFact]
    public async Task A_visitors_feedback_comes_back_to_the_public_page_and_nothing_internal_opens_anonymously()
    {
        Support.Browser.SkipIfUnavailable();
        var now = DateTime.UtcNow;
        var (item, title) = await QueryAsync(async db => await db.Disclosures
            .Where(d => d.State == DisclosureState.Published && d.Audience == Audience.Public && d.DisplayFromUtc <= now && now < d.DisplayUntilUtc)
            .OrderBy(d => d.Id)
            .Select(d => Tuple.Create(d.Id, d.Title)).FirstAsync());
        var (handlerName, leaderName) = await QueryAsync(async db => (
            (await db.Users.SingleAsync(u => u.UserName == "handler")).DisplayName,
            (await db.Users.SingleAsync(u => u.UserName == "leader")).DisplayName));
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var visitor = await Support.Browser.NewPageAsync(browser);
        await visitor.GotoAsync(new Uri(server.BaseAddress, "/board").ToString());
        await visitor.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First.ClickAsync();
        await visitor.WaitForURLAsync($"**/board/{item}");
        await Assertions.Expect(visitor.Locator("h1").First).ToHaveTextAsync(title);
        await visitor.GetByTestId("feedback-link").ClickAsync();
        await visitor.WaitForURLAsync($"**/board/{item}/feedback");
        const string text = "浏览器测试：建议公开办理时限。<b>不是粗体</b>";
        await visitor.Locator("#Input\\.Content").FillAsync(text);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("feedback-thanks")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("feedback-thanks.png"), FullPage = true });
        var id = await QueryAsync(db => db.Feedback.Where(f => f.DisclosureId == item && f.Content == text).Select(f => f.Id).SingleAsync());

        var handler = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(handler, server.BaseAddress, "handler");
        await handler.GotoAsync(new Uri(server.BaseAddress, $"/feedback/{id}").ToString());
        await handler.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(handler.GetByTestId("feedback-content")).ToHaveTextAsync(text);
        await PickAsync(handler, "assignee", handlerName);
        await handler.GetByTestId("assign").ClickAsync();
        await Assertions.Expect(handler.Locator(".mud-snackbar", new() { HasText = "已分办。" })).ToBeVisibleAsync();
        await handler.GetByTestId("answer-text").FillAsync("感谢建议，下期将公开办理时限。");
        await handler.GetByTestId("answer").ClickAsync();
        await Assertions.Expect(handler.Locator(".mud-snackbar", new() { HasText = "已答复。" })).ToBeVisibleAsync();
        const string resolution = "下期公开将写明各事项的办理时限。";
        const string summary = "有群众建议公开各事项的办理时限。";
        await handler.GetByTestId("resolution").FillAsync(resolution);
        await handler.GetByTestId("summary").FillAsync(summary);
        await PickAsync(handler, "leader", leaderName);
        // The button is enabled once the circuit has the leader and the result: what a person waits for before clicking.
        await Assertions.Expect(handler.GetByTestId("report")).ToBeEnabledAsync();
        await handler.GetByTestId("report").ClickAsync();
        await Assertions.Expect(handler.Locator(".mud-snackbar", new() { HasText = "已报告主管领导。" })).ToBeVisibleAsync();
        await handler.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("feedback-reported.png"), FullPage = true });

        var leader = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(leader, server.BaseAddress, "leader");
        await leader.GotoAsync(new Uri(server.BaseAddress, "/feedback?mine=1").ToString());
        await leader.Locator("[data-circuit=live]").WaitForAsync();
        await leader.Locator($"a[href='/feedback/{id}']").ClickAsync();
        await leader.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(leader.Locator(".mud-snackbar", new() { HasText = "已审阅，办理结果已公开。" })).ToBeVisibleAsync();
        await leader.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("feedback-acknowledged.png"), FullPage = true });
        await Assertions.Expect(leader.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        (await QueryAsync(db => db.Feedback.Where(f => f.Id == id).Select(f => f.State).SingleAsync())).ShouldBe(FeedbackState.ResultDisclosed);

        // Back on the public page, which the visitor saw before (and the cache held): the result and the summary, never the text.
        await visitor.GotoAsync(new Uri(server.BaseAddress, $"/board/{item}").ToString());
        var result = visitor.GetByTestId("feedback-result").Filter(new() { HasText = resolution });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(result).ToContainTextAsync(summary);
        await Assertions.Expect(visitor.GetByText("浏览器测试：建议公开办理时限")).ToHaveCountAsync(0);
        await visitor.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("feedback-result-public.png"), FullPage = true });

        // Nothing internal opens anonymously: every item that is not a published or closed Public one, its attachments
        // and its feedback form answer 404, the same as an id that never existed.
        var hidden = await QueryAsync(db => db.Disclosures
            .Where(d => d.Audience != Audience.Public || (d.State != DisclosureState.Published && d.State != DisclosureState.Closed))
            .Select(d => d.Id).ToListAsync());
        var hiddenFiles = await QueryAsync(db => db.Attachments.Where(a => hidden.Contains(a.DisclosureId)).Select(a => a.Id).ToListAsync());
        hidden.Count.ShouldBeGreaterThan(10);
        hiddenFiles.ShouldNotBeEmpty();
        var paths = hidden.SelectMany(d => new[] { $"/board/{d}", $"/board/{d}/feedback" })
            .Concat(hiddenFiles.Select(a => $"/attachments/{a}"))
            .Append("/board/999999").Append("/attachments/999999");
        var opened = new List<string>();
        foreach (var path in paths)
        {
            var response = await visitor.Context.APIRequest.GetAsync(new Uri(server.BaseAddress, path).ToString());
            if (response.Status != 404) opened.Add($"{path} → {response.Status}");
        }
        opened.ShouldBeEmpty();
    }
}
