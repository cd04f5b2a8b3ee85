using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// Issue 19's feedback the sender can follow, as people do it: an anonymous visitor writes to the 意见箱 and keeps the
/// 查询码 the thank-you page shows; the FeedbackHandler signs in, takes the feedback, answers it and writes a reply to the
/// sender; the visitor types the code at /track and reads the reply.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MailboxTrackingBrowserTests(AppServer server)
{
    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    [SkippableFact]
    public async Task A_visitor_keeps_the_code_from_the_mailbox_and_reads_the_handlers_reply_at_track()
    {
        Support.Browser.SkipIfUnavailable();
        var handlerName = await QueryAsync(async db => (await db.Users.SingleAsync(u => u.UserName == "handler")).DisplayName);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var visitor = await Support.Browser.NewPageAsync(browser);
        await visitor.GotoAsync(new Uri(server.BaseAddress, "/board").ToString());
        await visitor.GetByTestId("board-mailbox").ClickAsync();
        await visitor.WaitForURLAsync("**/board/mailbox");
        var text = $"浏览器测试：食堂账目应当公开。{Guid.NewGuid():N}";
        await visitor.Locator("#Input\\.Kind").SelectOptionAsync(new SelectOptionValue { Label = "应公开未公开" });
        await visitor.Locator("#Input\\.Content").FillAsync(text);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("feedback-thanks")).ToBeVisibleAsync();
        var code = (await visitor.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        code.ShouldMatch("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$");
        visitor.Url.ShouldNotContain(code.Replace("-", ""));
        await visitor.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("mailbox-code.png"), FullPage = true });
        var id = await QueryAsync(db => db.Feedback.Where(f => f.Content == text).Select(f => f.Id).SingleAsync());
        (await QueryAsync(db => db.Feedback.Where(f => f.Id == id).Select(f => f.Kind).SingleAsync())).ShouldBe(FeedbackKind.Undisclosed);

        var handler = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(handler, server.BaseAddress, "handler");
        await handler.GotoAsync(new Uri(server.BaseAddress, $"/feedback/{id}").ToString());
        await handler.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(handler.GetByTestId("feedback-content")).ToHaveTextAsync(text);
        await handler.Locator("[data-testid=assignee]").ClickAsync();
        await handler.Locator(".mud-popover-open .mud-list-item").GetByText(handlerName, new() { Exact = true }).ClickAsync();
        await handler.GetByTestId("assign").ClickAsync();
        await Assertions.Expect(handler.Locator(".mud-snackbar", new() { HasText = "已分办。" })).ToBeVisibleAsync();
        await handler.GetByTestId("answer-text").FillAsync("已请机关党委核实食堂账目的公开情况。");
        await handler.GetByTestId("answer").ClickAsync();
        await Assertions.Expect(handler.Locator(".mud-snackbar", new() { HasText = "已答复。" })).ToBeVisibleAsync();
        const string reply = "您好，食堂账目将于下月起按季度公开。";
        await handler.GetByTestId("reply-text").FillAsync(reply);
        await Assertions.Expect(handler.GetByTestId("reply")).ToBeEnabledAsync();
        await handler.GetByTestId("reply").ClickAsync();
        await Assertions.Expect(handler.Locator(".mud-snackbar", new() { HasText = "已保存给反馈人的回复。" })).ToBeVisibleAsync();
        await Assertions.Expect(handler.GetByTestId("sender-reply")).ToContainTextAsync(reply);
        await Assertions.Expect(handler.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        await visitor.GotoAsync(new Uri(server.BaseAddress, "/track").ToString());
        await visitor.Locator("#Input\\.Code").FillAsync(code.ToLowerInvariant());
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("track-reply")).ToHaveTextAsync(reply);
        await Assertions.Expect(visitor.GetByTestId("track-state")).ToContainTextAsync("已答复");
        visitor.Url.ShouldNotContain(code.Replace("-", ""), Case.Insensitive);
        await Assertions.Expect(visitor.GetByText("已请机关党委核实")).ToHaveCountAsync(0);
        await visitor.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("track-reply.png"), FullPage = true });
    }
}
