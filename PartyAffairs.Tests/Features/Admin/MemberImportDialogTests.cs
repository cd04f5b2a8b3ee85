using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users.Import;
using PartyAffairs.Tests.Components;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Admin.MemberFiles;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>The 导入成员 dialog as the Admin meets it: a file with a bad line is previewed with the line's problem and cannot be confirmed; a good one imports and offers the passwords once.</summary>
public sealed class MemberImportDialogTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        await AdminTestData.CreateOrganizationsAsync(harness.Backend);
        var adminId = await harness.Backend.SignInAsync("admin");
        harness.SignInAs("系统管理员", null, [Roles.Admin], adminId);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync()
    {
        harness.Context.Render<MudPopoverProvider>();
        var provider = harness.Context.Render<MudDialogProvider>();
        var dialogs = harness.Context.Services.GetRequiredService<IDialogService>();
        IDialogReference reference = default!;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<MemberImportDialog>("导入成员"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=members-submit]"));
        return (provider, reference);
    }

    private async Task<int> UserCountAsync()
    {
        await using var db = harness.Backend.NewDb();
        return await db.Users.CountAsync();
    }

    [Fact]
    public async Task A_file_with_a_bad_line_shows_it_by_line_and_column_and_cannot_be_confirmed_then_a_good_one_imports()
    {
        harness.UseCulture("zh-CN");
        var before = await UserCountAsync();
        var (provider, dialog) = await ShowAsync();
        provider.Find("[data-testid=members-submit]").HasAttribute("disabled").ShouldBeTrue();

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            Csv("李红,lihong,第一党支部,书记,,", "王强,,第九党支部,党员,,"), "成员.csv"));

        provider.WaitForAssertion(() => provider.Find("[data-testid=members-summary]").TextContent.ShouldBe("「成员.csv」：2 行，1 处错误"), TimeSpan.FromSeconds(10));
        provider.Find("[data-testid=members-errors]").TextContent.ShouldContain("第 3 行「组织」：没有名称或代码为「第九党支部」的组织");
        provider.Find("[data-testid=members-preview]").TextContent.ShouldContain("lihong");
        provider.Find("[data-testid=members-row-error]").TextContent.ShouldContain("「组织」没有名称或代码为「第九党支部」的组织");
        provider.Find("[data-testid=members-submit]").HasAttribute("disabled").ShouldBeTrue();
        (await UserCountAsync()).ShouldBe(before);

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            Csv("李红,lihong,第一党支部,书记,,", "王强,,DYZB,党员,,"), "成员.csv"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=members-summary]").TextContent.ShouldBe("「成员.csv」：2 行，0 处错误"), TimeSpan.FromSeconds(10));
        provider.Find("[data-testid=members-preview]").TextContent.ShouldContain("dyzb001");
        await Fresh.ClickAsync(provider, () => provider.Find("[data-testid=members-submit]"));

        provider.WaitForAssertion(() => provider.Find("[data-testid=members-done]").TextContent.ShouldBe("已导入 2 名成员。"), TimeSpan.FromSeconds(10));
        provider.Find("[data-testid=members-passwords-once]").TextContent.ShouldContain("只能下载一次");
        provider.Find("a[data-testid=members-passwords]").GetAttribute("href").ShouldStartWith("/admin/users/passwords/");
        (await UserCountAsync()).ShouldBe(before + 2);
        await Fresh.ClickAsync(provider, () => provider.Find("[data-testid=members-close]"));
        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10)))!.Data.ShouldBe(2);
    }

    [Fact]
    public async Task Cancel_closes_the_dialog_and_imports_nothing()
    {
        harness.UseCulture("zh-CN");
        var before = await UserCountAsync();
        var (provider, dialog) = await ShowAsync();
        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Csv("李红,lihong,第一党支部,书记,,"), "成员.csv"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=members-submit]").HasAttribute("disabled").ShouldBeFalse(), TimeSpan.FromSeconds(10));

        await Fresh.ClickAsync(provider, () => provider.FindAll("button").Single(b => b.TextContent.Trim() == "取消"));

        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10)))!.Canceled.ShouldBeTrue();
        (await UserCountAsync()).ShouldBe(before);
    }
}
