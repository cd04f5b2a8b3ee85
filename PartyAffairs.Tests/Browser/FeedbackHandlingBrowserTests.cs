using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// Feedback's loop in the browser: a visitor (no one signed in) gives feedback on a public item through the plain form,
/// the FeedbackHandler assigns, answers and reports it, the Leader acknowledges it.
/// </summary>
[Collection(BrowserCollection.Name)]
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
    public async Task A_visitors_feedback_is_assigned_answered_reported_and_acknowledged()
    {
        Support.Browser.SkipIfUnavailable();
        var now = DateTime.UtcNow;
        var item = await QueryAsync(db => db.Disclosures
            .Where(d => d.State == DisclosureState.Published && d.Audience == Audience.Public && d.DisplayFromUtc <= now && now < d.DisplayUntilUtc)
            .Select(d => d.Id).FirstAsync());
        var (handlerName, leaderName) = await QueryAsync(async db => (
            (await db.Users.SingleAsync(u => u.UserName == "handler")).DisplayName,
            (await db.Users.SingleAsync(u => u.UserName == "leader")).DisplayName));
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var visitor = await Support.Browser.NewPageAsync(browser);
        await visitor.GotoAsync(new Uri(server.BaseAddress, $"/board/{item}/feedback").ToString());
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
        await Assertions.Expect(handler.GetByTestId("feedback-notice")).ToHaveTextAsync("已分办。");
        await handler.GetByTestId("answer-text").FillAsync("感谢建议，下期将公开办理时限。");
        await handler.GetByTestId("answer").ClickAsync();
        await Assertions.Expect(handler.GetByTestId("feedback-notice")).ToHaveTextAsync("已答复。");
        await PickAsync(handler, "leader", leaderName);
        await handler.GetByTestId("resolution").FillAsync("下期公开将写明各事项的办理时限。");
        await handler.GetByTestId("report").ClickAsync();
        await Assertions.Expect(handler.GetByTestId("feedback-notice")).ToHaveTextAsync("已报告主管领导。");
        await handler.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("feedback-reported.png"), FullPage = true });

        var leader = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(leader, server.BaseAddress, "leader");
        await leader.GotoAsync(new Uri(server.BaseAddress, "/feedback?mine=1").ToString());
        await leader.Locator("[data-circuit=live]").WaitForAsync();
        await leader.Locator($"a[href='/feedback/{id}']").ClickAsync();
        await leader.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(leader.GetByTestId("feedback-notice")).ToHaveTextAsync("已审阅，办理结果已公开。");
        await leader.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("feedback-acknowledged.png"), FullPage = true });
        await Assertions.Expect(leader.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        (await QueryAsync(db => db.Feedback.Where(f => f.Id == id).Select(f => f.State).SingleAsync())).ShouldBe(FeedbackState.ResultDisclosed);
    }
}
