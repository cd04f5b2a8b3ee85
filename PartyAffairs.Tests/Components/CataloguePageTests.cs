using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>The catalogue page over a real draft: who gets the cell editors, what a refused edit does, and the workflow after a click.</summary>
public sealed class CataloguePageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;
    private int catalogueId;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
        await harness.Backend.SignInAsync("office");
        await using var scope = harness.Backend.NewScope();
        var editing = harness.Backend.Get<CatalogueEditService>(scope);
        // The harness's clock says 2026: the page opens on this year's catalogue.
        catalogueId = (await editing.CreateDraftAsync(2026, "")).Value;
        foreach (var (organization, title) in new[] { (bureau.BranchAId, "党员大会记录"), (bureau.BranchBId, "党费收缴情况") })
        {
            var added = await editing.AddItemAsync(catalogueId, new CatalogueItemRequest
            {
                OrganizationId = organization, Title = title, Description = title + "的内容", Channels = Channel.Board,
                Cadence = Cadence.Quarterly, ResponsiblePerson = "张书记",
            });
            added.Succeeded.ShouldBeTrue(added.Message);
        }
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>The page's person and the services' person are the same user.</summary>
    private async Task SignInAsync(string userName)
    {
        await harness.Backend.SignInAsync(userName);
        harness.User.Actor = bureau[userName];
    }

    private IRenderedComponent<CataloguePage> Render()
    {
        var page = harness.Context.Render<CataloguePage>();
        page.WaitForAssertion(() => page.Find("[data-testid=workflow]"), Patience);
        // The lines come in a read of their own: every test's catalogue starts with this one.
        page.WaitForAssertion(() => page.Markup.ShouldContain("党员大会记录"), Patience);
        return page;
    }

    private static List<string?> TitleEditors(IRenderedComponent<CataloguePage> page) =>
        page.FindComponents<MudTextField<string>>()
            .Where(f => f.Instance.UserAttributes.TryGetValue("data-cell", out var cell) && Equals(cell, "title"))
            .Select(f => f.Instance.GetState(x => x.Value)).ToList();

    [Fact]
    public async Task A_draft_has_cell_editors_for_the_rows_a_person_may_propose_and_none_for_a_reader()
    {
        harness.UseCulture("zh-CN");

        await SignInAsync("office");
        var office = Render();
        TitleEditors(office).ShouldBe(["党员大会记录", "党费收缴情况"], ignoreOrder: true);
        office.Find("[data-testid=workflow]").TextContent.ShouldContain("新增事项");

        // A secretary proposes for their own branch only: the other branch's row is text.
        await SignInAsync("secA");
        var secretary = Render();
        TitleEditors(secretary).ShouldBe(["党员大会记录"]);
        secretary.Markup.ShouldContain("党费收缴情况");

        await SignInAsync("memberA");
        var member = Render();
        TitleEditors(member).ShouldBeEmpty();
        member.FindAll("[data-cell]").ShouldBeEmpty();
        member.Markup.ShouldContain("党员大会记录");
        member.FindAll("[data-testid=workflow] button").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_cell_edit_is_told_and_the_editor_keeps_the_stored_value()
    {
        harness.UseCulture("zh-CN");
        await SignInAsync("office");
        var page = Render();

        await Fresh.ChangeAsync(page, () => page.FindComponents<MudTextField<string>>().Single(f => f.Instance.GetState(x => x.Value) == "党员大会记录").Find("input"), "");

        page.WaitForAssertion(() => Told().ShouldContain("请填写事项"), Patience);
        page.WaitForAssertion(() => TitleEditors(page).ShouldContain("党员大会记录"), Patience);
        page.FindAll("input").Select(i => i.GetAttribute("value")).ShouldContain("党员大会记录");
        (await StoredTitlesAsync()).ShouldContain("党员大会记录");
    }

    [Fact]
    public async Task An_edit_of_a_row_someone_else_changed_meanwhile_is_refused_and_the_grid_reloads_what_they_stored()
    {
        harness.UseCulture("zh-CN");
        await SignInAsync("office");
        var page = Render();

        // The branch's secretary renames the line while the office has the page open.
        await harness.Backend.SignInAsync("secA");
        await using (var scope = harness.Backend.NewScope())
        {
            var editing = harness.Backend.Get<CatalogueEditService>(scope);
            int itemId;
            await using (var db = harness.Backend.NewDb()) itemId = await db.CatalogueItems.Where(i => i.Title == "党员大会记录").Select(i => i.Id).SingleAsync();
            var (request, version) = (await editing.GetItemAsync(itemId)).Value;
            request.Title = "党员大会决议";
            (await editing.UpdateItemAsync(itemId, version, request)).Succeeded.ShouldBeTrue();
        }
        await harness.Backend.SignInAsync("office");

        await Fresh.ChangeAsync(page, () => page.FindComponents<MudTextField<string>>().Single(f => f.Instance.GetState(x => x.Value) == "党员大会记录").Find("input"), "党员大会纪要");

        page.WaitForAssertion(() => Told().ShouldContain("已被他人修改，已重新载入"), Patience);
        page.WaitForAssertion(() => TitleEditors(page).ShouldBe(["党员大会决议", "党费收缴情况"], ignoreOrder: true), Patience);
        (await StoredTitlesAsync()).ShouldBe(["党员大会决议", "党费收缴情况"], ignoreOrder: true);
    }

    private List<string?> Told() =>
        harness.Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ToList();

    private async Task<List<string>> StoredTitlesAsync()
    {
        await using var db = harness.Backend.NewDb();
        return await db.CatalogueItems.Select(i => i.Title).ToListAsync();
    }

    [Fact]
    public async Task A_submitted_draft_shows_the_waiting_state_and_the_office_may_not_approve_its_own_submission()
    {
        harness.UseCulture("zh-CN");
        await SignInAsync("office");
        var page = Render();

        await Fresh.ClickAsync(page, () => page.FindAll("[data-testid=workflow] button").Single(b => b.TextContent.Contains("提交审批")));

        page.WaitForAssertion(() => page.Find("[data-testid=workflow]").TextContent.ShouldContain("等待领导或党建办公室审批"), Patience);
        page.Find("[data-testid=own-catalogue]");
        page.Find("[data-testid=workflow]").TextContent.ShouldNotContain("批准生效");
        TitleEditors(page).ShouldBeEmpty();
        page.FindAll("[data-cell]").ShouldBeEmpty();
        Told().ShouldContain("已提交审批");
    }
}
