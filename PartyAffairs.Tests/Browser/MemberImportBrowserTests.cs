using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users.Import;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// Members in bulk as the Admin does it (issue 20): she imports 20 members of a branch through the dialog and downloads
/// their initial passwords, once. One of them signs in with hers, is made to change it, and on /board reads her branch's
/// internal (本组织) items and the 机关党委's.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MemberImportBrowserTests(AppServer server)
{
    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>An Organization-audience item of an organization of this kind on display now: its organization and title.</summary>
    private Task<(int OrganizationId, string Organization, string Title)?> InternalItemAsync(OrganizationKind kind)
    {
        var now = DateTime.UtcNow;
        return QueryAsync(async db => (await db.Disclosures.AsNoTracking()
            .Where(DisclosureRules.OnDisplayAt(now))
            .Where(d => d.Audience == Audience.Organization && d.SupersededByDisclosureId == null && d.Organization!.Kind == kind)
            .OrderBy(d => d.Id)
            .Select(d => new { d.OrganizationId, Organization = d.Organization!.Name, d.Title })
            .ToListAsync()) is [var first, ..] ? (first.OrganizationId, first.Organization, first.Title) : ((int, string, string)?)null);
    }

    /// <summary>
    /// The demo's 机关党委 has no 本组织 item on display, so the Office writes one and a Leader approves it (the domain's own
    /// steps, as TestBureau does); returns the committee and the title.
    /// </summary>
    private async Task<(int CommitteeId, string Title)> CommitteeInternalItemAsync()
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var committeeId = await db.Organizations.Where(o => o.Kind == OrganizationKind.OrganPartyCommittee).Select(o => o.Id).FirstAsync();
        async Task<Actor> ActorAsync(string userName)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
            return new Actor(user.Id, user.DisplayName, user.OrganizationId, roles.ToHashSet());
        }
        var office = await ActorAsync("office");
        var leader = await ActorAsync("leader");
        var now = DateTime.UtcNow;
        var title = $"机关党委内部通报（导入测试 {Guid.NewGuid().ToString("N")[..6]}）";
        var item = Disclosure.OutOfCatalogue(committeeId, Category.Other, "临时增加的事项", Channel.Board, Audience.Organization, office, now);
        item.Edit(title, "<p>仅供本组织党员阅读。</p>", Channel.Board, Audience.Organization, now.AddMinutes(-1), now.AddDays(7), false, office, now);
        db.Disclosures.Add(item);
        await db.SaveChangesAsync();
        item.Submit(office, now, []);
        item.Approve(leader, now, true);
        item.Publish(Actor.System, now);
        await db.SaveChangesAsync();
        return (committeeId, title);
    }

    /// <summary>The item as the board lists it under its own organization.</summary>
    private static ILocator BoardItem(IPage page, int organizationId, string title) =>
        page.Locator($"section[aria-labelledby='org-{organizationId}']").GetByTestId("board-item").Filter(new() { HasTextString = title }).First;

    [SkippableFact]
    public async Task The_admin_imports_twenty_members_and_one_signs_in_changes_her_password_and_reads_her_branch_and_the_committee()
    {
        Support.Browser.SkipIfUnavailable();
        var branchItem = await InternalItemAsync(OrganizationKind.Branch);
        branchItem.ShouldNotBeNull("the demo has an internal item of a branch on display");
        var (branchId, branch, branchTitle) = branchItem.Value;
        var (committeeId, committeeTitle) = await CommitteeInternalItemAsync();

        var prefix = $"m{Guid.NewGuid().ToString("N")[..6]}";
        var file = Support.Browser.ArtifactPath("members-import.csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n",
            ["姓名,用户名,组织,角色,手机,党员类别", .. Enumerable.Range(1, 20).Select(i => $"导入成员{i:D2},{prefix}{i:D2},{branch},党员,1391234{i:D4},{(i % 5 == 0 ? "预备" : "正式")}")]),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var admin = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        await Support.Browser.SignInAsync(admin, server.BaseAddress, "admin");
        await admin.GotoAsync(new Uri(server.BaseAddress, "/admin/users").ToString());
        await admin.Locator("[data-circuit=live]").WaitForAsync();
        await admin.GetByTestId("members-import").ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("导入成员");

        await dialog.Locator("input[type=file]").SetInputFilesAsync(file);
        await Assertions.Expect(dialog.GetByTestId("members-summary")).ToContainTextAsync("20 行，0 处错误");
        await Assertions.Expect(dialog.GetByTestId("members-preview")).ToContainTextAsync($"{prefix}01");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("members-import-preview.png"), FullPage = true });
        await dialog.GetByTestId("members-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("members-done")).ToHaveTextAsync("已导入 20 名成员。");
        await Assertions.Expect(dialog.GetByTestId("members-passwords-once")).ToContainTextAsync("只能下载一次");
        var href = await dialog.GetByTestId("members-passwords").GetAttributeAsync("href");

        var download = await admin.RunAndWaitForDownloadAsync(() => dialog.GetByTestId("members-passwords").ClickAsync());
        var listPath = Support.Browser.ArtifactPath("members-passwords.xlsx");
        await download.SaveAsAsync(listPath);
        await Assertions.Expect(dialog.GetByTestId("members-passwords-taken")).ToBeVisibleAsync();
        var lines = MiniExcel.Query(listPath, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        lines.Count.ShouldBe(20);
        // Once: the same address now finds nothing.
        (await admin.APIRequest.GetAsync(new Uri(server.BaseAddress, href!).ToString())).Status.ShouldBe(404);
        await dialog.GetByTestId("members-close").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("td").Filter(new() { HasTextString = $"{prefix}07" })).ToBeVisibleAsync();

        // The export lists them in the import's own columns.
        var export = await admin.APIRequest.GetAsync(new Uri(server.BaseAddress, MemberFileEndpoints.ExportPath).ToString());
        export.Status.ShouldBe(200);
        var exported = new MemoryStream(await export.BodyAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Where(l => ((string?)l[MemberFormat.UserName])?.StartsWith(prefix) == true).ToList();
        exported.Count.ShouldBe(20);
        exported.ShouldAllBe(l => (string?)l[MemberFormat.Organization] == branch && (string?)l[MemberFormat.Roles] == "党员");

        var userName = (string)lines[6][MemberFormat.UserName]!;
        var password = (string)lines[6]["初始密码"]!;
        userName.ShouldBe($"{prefix}07");
        var member = await Support.Browser.NewPageAsync(browser);
        await member.GotoAsync(new Uri(server.BaseAddress, "/Account/Login").ToString());
        await member.FillAsync("input[name='Input.UserName']", userName);
        await member.FillAsync("input[name='Input.Password']", password);
        await member.ClickAsync("button[type='submit']");
        await member.WaitForURLAsync("**/Account/Manage/ChangePassword**");
        await Assertions.Expect(member.GetByTestId("must-change")).ToBeVisibleAsync();
        // Nowhere else to go before the password is changed.
        await member.GotoAsync(new Uri(server.BaseAddress, "/board").ToString());
        await member.WaitForURLAsync("**/Account/Manage/ChangePassword**");
        await member.FillAsync("#Input\\.OldPassword", password);
        await member.FillAsync("#Input\\.NewPassword", "Imported@2026");
        await member.FillAsync("#Input\\.ConfirmPassword", "Imported@2026");
        await member.ClickAsync("button[type='submit']");
        await Assertions.Expect(member.GetByTestId("password-changed-continue")).ToBeVisibleAsync();
        (await QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.MustChangePassword).SingleAsync())).ShouldBeFalse();

        await member.GotoAsync(new Uri(server.BaseAddress, "/board").ToString());
        await Assertions.Expect(BoardItem(member, branchId, branchTitle)).ToBeVisibleAsync();
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ArtifactPath("members-imported-board.png"), FullPage = true });
        // Scope follows the tree: the 机关党委's own internal items reach the members of its branches.
        await Assertions.Expect(BoardItem(member, committeeId, committeeTitle)).ToBeVisibleAsync();
    }
}
