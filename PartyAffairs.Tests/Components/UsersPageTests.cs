using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.Tests.Features.Admin;

using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

public sealed class UsersPageTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;

    public async Task InitializeAsync() => harness = await ComponentHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task An_admin_closing_their_own_account_is_told_why_not_and_closing_another_account_closes_it()
    {
        harness.UseCulture("zh-CN");
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness.Backend);
        var secretaryId = await AdminTestData.CreateSecretaryAsync(harness.Backend, branchId);
        var adminId = await harness.Backend.CreateUserAsync("keeper", null, Roles.Admin);
        await harness.Backend.SignInAsync("keeper");
        harness.SignInAs("keeper", null, [Roles.Admin], adminId);
        var snackbars = harness.Context.Render<MudSnackbarProvider>();
        var cut = harness.Context.Render<UsersPage>();
        cut.WaitForAssertion(() => Toggle(cut, "secretary"), TimeSpan.FromSeconds(10));

        await Fresh.ClickAsync(cut, () => Toggle(cut, "keeper"));

        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("不能停用自己的账号"));
        snackbars.Find(".mud-snackbar").ClassList.ShouldContain("mud-alert-filled-error");
        (await DisabledAsync(adminId)).ShouldBeFalse();

        cut.WaitForAssertion(() => Toggle(cut, "secretary").HasAttribute("disabled").ShouldBeFalse());
        await Fresh.ClickAsync(cut, () => Toggle(cut, "secretary"));

        snackbars.WaitForAssertion(() => snackbars.FindAll(".mud-snackbar").ShouldContain(s => s.TextContent.Contains("已停用 secretary")));
        (await DisabledAsync(secretaryId)).ShouldBeTrue();
        // Reloaded: the same button now opens the account again.
        cut.WaitForAssertion(() => Toggle(cut, "secretary").GetAttribute("aria-label").ShouldBe("启用账号"));
    }

    [Fact]
    public async Task The_office_sees_the_list_with_import_and_export_but_no_account_changes()
    {
        harness.UseCulture("zh-CN");
        var (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness.Backend);
        await AdminTestData.CreateSecretaryAsync(harness.Backend, branchId);
        var officeId = await harness.Backend.CreateUserAsync("office", committeeId, Roles.Office);
        await harness.Backend.SignInAsync("office");
        harness.SignInAs("office", committeeId, [Roles.Office], officeId);

        var cut = harness.Context.Render<UsersPage>();

        cut.WaitForAssertion(() => cut.FindAll("td").ShouldContain(td => td.TextContent.Trim() == "secretary"), TimeSpan.FromSeconds(10));
        cut.Find("[data-testid=members-import]").TextContent.Trim().ShouldBe("导入成员");
        cut.Find("[data-testid=members-export]").GetAttribute("href").ShouldBe("/admin/users/members.xlsx");
        cut.FindAll("button").ShouldNotContain(b => b.TextContent.Contains("新建用户"));
        cut.FindAll("[data-testid=user-toggle-disabled]").ShouldBeEmpty();
    }

    private static IElement Toggle(IRenderedComponent<UsersPage> cut, string userName) =>
        cut.FindAll("tr").Single(r => r.QuerySelectorAll("td").Any(td => td.TextContent.Trim() == userName))
            .QuerySelector("[data-testid=user-toggle-disabled]")!;

    private async Task<bool> DisabledAsync(string userId)
    {
        await using var db = harness.Backend.NewDb();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Disabled).SingleAsync();
    }
}
