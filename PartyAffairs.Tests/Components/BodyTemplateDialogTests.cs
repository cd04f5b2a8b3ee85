using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>The 正文模板 action on the catalogue page: the Office edits a line's template in a catalogue in force and sees what will be stored.</summary>
public sealed class BodyTemplateDialogTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
        // The harness's clock says 2026: the page opens on this year's catalogue.
        await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "“三会一课”开展情况", Cadence.Quarterly, Audience.Organization, [new DateOnly(2026, 12, 15)]));
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task SignInAsync(string userName)
    {
        await harness.Backend.SignInAsync(userName);
        harness.User.Actor = bureau[userName];
    }

    private IRenderedComponent<CataloguePage> Render()
    {
        var page = harness.Context.Render<CataloguePage>();
        page.WaitForAssertion(() => page.Find("[data-testid=workflow]"), Patience);
        return page;
    }

    private static async Task TypeAsync(IRenderedComponent<MudDialogProvider> dialogs, string html)
    {
        var editor = dialogs.FindComponent<RichBodyEditor>();
        await editor.InvokeAsync(() => editor.Instance.ValueChanged.InvokeAsync(html));
    }

    private async Task<string> StoredAsync()
    {
        await using var db = harness.Backend.NewDb();
        return await db.CatalogueItems.Select(i => i.BodyTemplate).SingleAsync();
    }

    [Fact]
    public async Task The_office_writes_a_template_sees_it_cleaned_saves_it_and_the_line_shows_it_has_one()
    {
        harness.UseCulture("zh-CN");
        await SignInAsync("office");
        var dialogs = harness.Context.Render<MudDialogProvider>();
        var snackbars = harness.Context.Render<MudSnackbarProvider>();
        var page = Render();
        page.FindAll("[data-testid=has-body-template]").ShouldBeEmpty();

        // The page reads its lines after the first render: wait for them.
        page.WaitForAssertion(() => page.Find("[data-testid=body-template-edit]"), Patience);
        await Fresh.ClickAsync(page, () => page.Find("[data-testid=body-template-edit]"));
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog [data-testid=body-template-editor]"), Patience);
        dialogs.Find(".mud-dialog").TextContent.ShouldContain("正文模板：“三会一课”开展情况");

        // What the rich editor reports after typing (its script does not run here): hostile markup included.
        await TypeAsync(dialogs, "<table><tr><th>日期</th><th>会议类型</th></tr></table><script>alert(1)</script><p onclick=\"x()\">备注</p>");

        await Fresh.ClickAsync(dialogs, () => dialogs.Find("[data-testid=body-template-save]"));
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty(), Patience);
        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("已保存"), Patience);
        (await StoredAsync()).ShouldBe("<table><tbody><tr><th>日期</th><th>会议类型</th></tr></tbody></table><p>备注</p>");
        page.WaitForAssertion(() => page.Find("[data-testid=has-body-template]"), Patience);
    }

    [Fact]
    public async Task Too_much_text_is_said_in_the_dialog_which_stays_open_and_saves_nothing()
    {
        harness.UseCulture("zh-CN");
        await SignInAsync("office");
        var dialogs = harness.Context.Render<MudDialogProvider>();
        var page = Render();
        // The page reads its lines after the first render: wait for them.
        page.WaitForAssertion(() => page.Find("[data-testid=body-template-edit]"), Patience);
        await Fresh.ClickAsync(page, () => page.Find("[data-testid=body-template-edit]"));
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog [data-testid=body-template-editor]"), Patience);

        await TypeAsync(dialogs, "<p>" + new string('字', BodyTemplateText.MaxTextLength + 1) + "</p>");
        await Fresh.ClickAsync(dialogs, () => dialogs.Find("[data-testid=body-template-save]"));

        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("最多 20000 字"), Patience);
        dialogs.FindAll(".mud-dialog").Count.ShouldBe(1);
        (await StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_secretary_sees_that_a_line_has_a_template_but_has_no_action_to_change_it()
    {
        harness.UseCulture("zh-CN");
        await SignInAsync("office");
        await using (var scope = harness.Backend.NewScope())
        {
            var templates = harness.Backend.Get<BodyTemplateService>(scope);
            int itemId;
            await using (var db = harness.Backend.NewDb()) itemId = await db.CatalogueItems.Select(i => i.Id).SingleAsync();
            (await templates.SetAsync(itemId, 0, new BodyTemplateRequest { Html = "<p>模板</p>" })).Succeeded.ShouldBeTrue();
        }

        await SignInAsync("secA");
        var page = Render();
        page.WaitForAssertion(() => page.Find("[data-testid=has-body-template]"), Patience);
        page.FindAll("[data-testid=body-template-edit]").ShouldBeEmpty();
    }
}
