using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// 依申请公开 as people do it (issue 19): a visitor applies on /apply and keeps her 查询码; the Office finds it in its register,
/// answers 部分公开 linking the public item and saying what is withheld; the visitor enters her code at /track and reads it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ApplicationBrowserTests(AppServer server)
{
    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    [SkippableFact]
    public async Task An_application_goes_through_to_partly_disclosed_and_the_applicant_reads_it_with_her_code()
    {
        Support.Browser.SkipIfUnavailable();
        var now = DateTime.UtcNow;
        var (itemId, title, organization) = await QueryAsync(async db => await db.Disclosures
            .Where(d => d.State == DisclosureState.Published && d.Audience == Audience.Public && d.DisplayFromUtc <= now && now < d.DisplayUntilUtc
                && d.SupersededByDisclosureId == null)
            .OrderBy(d => d.Id)
            .Select(d => Tuple.Create(d.Id, d.Title, d.Organization!.Name)).FirstAsync());
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var visitor = await Support.Browser.NewPageAsync(browser);
        await visitor.GotoAsync(new Uri(server.BaseAddress, "/guide").ToString());
        await visitor.GetByTestId("guide-apply-link").ClickAsync();
        await visitor.WaitForURLAsync("**/apply");
        await visitor.Locator("#Input\\.OrganizationId").SelectOptionAsync(new SelectOptionValue { Label = organization });
        var subject = $"浏览器测试：申请公开{title}的详细材料 {Guid.NewGuid():N}";
        await visitor.Locator("#Input\\.Subject").FillAsync(subject);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("apply-thanks")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("application-thanks.png"), FullPage = true });
        var code = (await visitor.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        code.Replace("-", "").Length.ShouldBeGreaterThanOrEqualTo(10, $"code shown: '{code}'");
        var id = await QueryAsync(db => db.Applications.Where(a => a.Subject == subject).Select(a => a.Id).SingleAsync());

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(new Uri(server.BaseAddress, "/applications").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await office.Locator($"a[href='/applications/{id}']").ClickAsync();
        await office.WaitForURLAsync($"**/applications/{id}");
        await Assertions.Expect(office.GetByTestId("application-subject")).ToHaveTextAsync(subject);
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("application-detail.png"), FullPage = true });

        await office.GetByTestId("application-answer-open").ClickAsync();
        var dialog = office.Locator(".mud-dialog");
        await dialog.GetByText("部分公开", new() { Exact = true }).ClickAsync();
        await dialog.GetByTestId("answer-text").FillAsync("相关情况已在公示中公开，请查看链接。");
        await dialog.GetByTestId("answer-disclosure").FillAsync(title[..Math.Min(4, title.Length)]);
        await office.Locator(".mud-popover-open .mud-list-item").GetByText(title, new() { Exact = false }).First.ClickAsync();
        const string withheld = "个人考察意见涉及个人隐私，依规不予公开。";
        await dialog.GetByTestId("answer-withheld").FillAsync(withheld);
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("application-answer-dialog.png"), FullPage = true });
        await dialog.GetByTestId("answer-save").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar", new() { HasText = "已答复。" })).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByTestId("application-outcome")).ToHaveTextAsync("部分公开");
        var stored = await QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == id));
        (stored.Outcome, stored.DisclosureId, stored.Withheld).ShouldBe(((ApplicationOutcome?)ApplicationOutcome.PartlyDisclosed, (int?)itemId, withheld));

        await visitor.GotoAsync(new Uri(server.BaseAddress, "/track").ToString());
        await visitor.Locator("#Input\\.Code").FillAsync(code);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("application-outcome")).ToHaveTextAsync("部分公开");
        await Assertions.Expect(visitor.GetByTestId("application-withheld")).ToHaveTextAsync(withheld);
        await Assertions.Expect(visitor.GetByTestId("application-link")).ToHaveTextAsync(title);
        visitor.Url.ShouldNotContain(code.Replace("-", ""));
        await visitor.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("application-track.png"), FullPage = true });
    }
}
