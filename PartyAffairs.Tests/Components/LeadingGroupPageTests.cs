using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LeadingGroup;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>The Office opens the leading-group page, adds a seat through the dialog and sees it listed; the role hint is only a hint.</summary>
public sealed class LeadingGroupPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private ComponentHarness harness = default!;

    public async Task InitializeAsync() => harness = await ComponentHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task The_office_adds_a_seat_in_the_dialog_and_the_page_lists_it()
    {
        harness.UseCulture("zh-CN");
        var officeId = await harness.Backend.CreateUserAsync("office", null, Roles.Office);
        await harness.Backend.SignInAsync("office");
        harness.SignInAs("office", null, [Roles.Office], officeId);
        var dialogs = harness.Context.Render<MudDialogProvider>();
        var snackbars = harness.Context.Render<MudSnackbarProvider>();
        var page = harness.Context.Render<LeadingGroupPage>();
        page.WaitForAssertion(() => page.Markup.ShouldContain("尚无任职记录"), Patience);

        await Fresh.ClickAsync(page, () => page.Find("[data-testid=seat-new]"));
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog #seat-person"), Patience);
        dialogs.Find(".mud-dialog").TextContent.ShouldContain("新增任职");
        await Fresh.InputAsync(dialogs, () => dialogs.Find("#seat-person"), "赵新");
        await Fresh.InputAsync(dialogs, () => dialogs.Find("#seat-post"), "机关党委委员");
        await Fresh.ClickAsync(dialogs, () => dialogs.Find("[data-testid=seat-save]"));

        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty(), Patience);
        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("已保存"), Patience);
        page.WaitForAssertion(() => page.FindAll("tr").ShouldContain(r => r.TextContent.Contains("赵新") && r.TextContent.Contains("现任")), Patience);
        await using var db = harness.Backend.NewDb();
        var seat = await db.LeadingGroupMembers.SingleAsync();
        (seat.PersonName, seat.Post, seat.ValidUntil).ShouldBe(("赵新", "机关党委委员", (DateOnly?)null));
    }

    [Fact]
    public async Task An_empty_name_keeps_the_dialog_open_and_cancel_saves_nothing()
    {
        harness.UseCulture("zh-CN");
        var adminId = await harness.Backend.CreateUserAsync("keeper", null, Roles.Admin);
        await harness.Backend.SignInAsync("keeper");
        harness.SignInAs("keeper", null, [Roles.Admin], adminId);
        var dialogs = harness.Context.Render<MudDialogProvider>();
        var page = harness.Context.Render<LeadingGroupPage>();
        page.WaitForAssertion(() => page.Markup.ShouldContain("尚无任职记录"), Patience);

        await Fresh.ClickAsync(page, () => page.Find("[data-testid=seat-new]"));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=seat-save]"), Patience);
        await Fresh.ClickAsync(dialogs, () => dialogs.Find("[data-testid=seat-save]"));
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("请填写任职人姓名"), Patience);
        await Fresh.ClickAsync(dialogs, () => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "取消"));

        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty(), Patience);
        await using var db = harness.Backend.NewDb();
        (await db.LeadingGroupMembers.CountAsync()).ShouldBe(0);
    }
}
