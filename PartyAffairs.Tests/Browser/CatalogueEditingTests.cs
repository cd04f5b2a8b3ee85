using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CatalogueEditingTests(AppServer server)
{
    private static ILocator Dialog(IPage page) => page.Locator(".mud-dialog");

    private static ILocator TitleEditor(IPage page) => page.Locator("td:has([data-cell=title]) input");

    [SkippableFact]
    public async Task The_office_drafts_next_years_catalogue_and_the_leader_approves_it_into_force()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var year = DateTime.UtcNow.Year + 1;

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(new Uri(server.BaseAddress, $"/catalogue?year={year}").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "新建空白目录" }).ClickAsync();
        await Dialog(office).GetByRole(AriaRole.Button, new() { Name = "新建空白目录" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=workflow]")).ToContainTextAsync("目录为草稿");

        await office.GetByRole(AriaRole.Button, new() { Name = "新增事项" }).ClickAsync();
        await Dialog(office).GetByLabel("事项").FillAsync("主题党日活动");
        await Dialog(office).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        // In a draft the office's item shows in its inline editor.
        await Assertions.Expect(TitleEditor(office)).ToHaveValueAsync("主题党日活动");
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-draft-office.png"), FullPage = true });
        await office.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=workflow]")).ToContainTextAsync("等待领导或党建办公室审批");

        var leader = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(leader, server.BaseAddress, "leader");
        await leader.GotoAsync(new Uri(server.BaseAddress, $"/catalogue?year={year}").ToString());
        await leader.Locator("[data-circuit=live]").WaitForAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "批准生效" }).ClickAsync();
        await Dialog(leader).GetByRole(AriaRole.Button, new() { Name = "批准生效" }).ClickAsync();
        await Assertions.Expect(leader.Locator("[data-testid=amendments]")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator(".mud-table-body")).ToContainTextAsync("主题党日活动");
        await leader.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-approved-leader.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task The_office_edits_a_draft_items_title_in_the_grid_and_an_empty_title_is_refused_keeping_the_old_one()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var year = DateTime.UtcNow.Year + 4;
        var address = new Uri(server.BaseAddress, $"/catalogue?year={year}").ToString();

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(address);
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "新建空白目录" }).ClickAsync();
        await Dialog(office).GetByRole(AriaRole.Button, new() { Name = "新建空白目录" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=workflow]")).ToContainTextAsync("目录为草稿");
        await office.GetByRole(AriaRole.Button, new() { Name = "新增事项" }).ClickAsync();
        await Dialog(office).GetByLabel("事项").FillAsync("党员大会记录");
        await Dialog(office).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var title = TitleEditor(office);
        await Assertions.Expect(title).ToHaveValueAsync("党员大会记录");
        await title.FillAsync("党员大会决议");
        await title.PressAsync("Enter");
        await Assertions.Expect(office.Locator(".mud-snackbar").Last).ToContainTextAsync("已保存");

        await office.ReloadAsync();
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(title).ToHaveValueAsync("党员大会决议");
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-inline-edit.png"), FullPage = true });

        await title.FillAsync("");
        await title.PressAsync("Enter");
        await Assertions.Expect(office.Locator(".mud-snackbar").Last).ToContainTextAsync("请填写事项");
        await Assertions.Expect(title).ToHaveValueAsync("党员大会决议");
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-inline-edit-refused.png"), FullPage = true });
        await office.ReloadAsync();
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(title).ToHaveValueAsync("党员大会决议");
    }

    [SkippableFact]
    public async Task The_office_opens_an_amendment_to_retire_an_item_and_the_leader_sees_it_as_a_diff()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(new Uri(server.BaseAddress, "/catalogue").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "发起修订" }).ClickAsync();
        await Dialog(office).Locator("textarea").First.FillAsync("支部合并，停用一项");
        await Dialog(office).GetByRole(AriaRole.Button, new() { Name = "发起修订" }).ClickAsync();
        var amendment = office.Locator("[data-amendment]").Filter(new() { HasText = "支部合并，停用一项" });
        await Assertions.Expect(amendment).ToBeVisibleAsync();

        await amendment.GetByRole(AriaRole.Button, new() { Name = "添加变更" }).ClickAsync();
        // Changing an item keeps its organization and cadence, and the locked fields say why and what to do instead.
        await Dialog(office).GetByText("修改事项").ClickAsync();
        await Dialog(office).GetByTestId("amendment-item").ClickAsync();
        await office.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Assertions.Expect(Dialog(office)).ToContainTextAsync("修订不能改变公开时限");
        await Assertions.Expect(Dialog(office)).ToContainTextAsync("修订不能改变组织");
        await Dialog(office).GetByText("停用事项").ClickAsync();
        // Retiring needs no proposal: the item form goes and only the item picker stays.
        await Assertions.Expect(Dialog(office).GetByText("公开方式")).ToHaveCountAsync(0);
        await Dialog(office).GetByTestId("amendment-item").ClickAsync();
        await office.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        var addChange = Dialog(office).GetByRole(AriaRole.Button, new() { Name = "添加变更" });
        await Assertions.Expect(addChange).ToBeEnabledAsync();
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-amendment-change-dialog.png") });
        await addChange.ClickAsync();

        await Assertions.Expect(amendment.Locator("table.mud-table-root, table")).Not.ToHaveCountAsync(0);
        await amendment.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(amendment).ToContainTextAsync("已提交");

        var leader = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(leader, server.BaseAddress, "leader");
        await leader.GotoAsync(new Uri(server.BaseAddress, "/catalogue").ToString());
        await leader.Locator("[data-circuit=live]").WaitForAsync();
        var reviewed = leader.Locator("[data-amendment]").Filter(new() { HasText = "支部合并，停用一项" });
        await Assertions.Expect(reviewed.GetByText("停用事项")).ToBeVisibleAsync();
        await Assertions.Expect(reviewed.Locator("tr.changed")).Not.ToHaveCountAsync(0);
        await reviewed.ScrollIntoViewIfNeededAsync();
        await leader.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-amendment-leader.png"), FullPage = true });
        await reviewed.GetByRole(AriaRole.Button, new() { Name = "批准修订" }).ClickAsync();
        await Dialog(leader).GetByRole(AriaRole.Button, new() { Name = "批准修订" }).ClickAsync();
        await Assertions.Expect(reviewed).ToContainTextAsync("已批准");
        await Assertions.Expect(leader.Locator(".mud-table-body")).ToContainTextAsync("已撤销");
        // Once approved, the block still shows what was retired: the old values are kept with the change.
        await Assertions.Expect(reviewed.Locator("td.old").First).Not.ToBeEmptyAsync();
        await Assertions.Expect(reviewed.GetByTestId("before-not-recorded")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task The_office_removes_one_change_from_a_draft_amendment_and_then_discards_it_freeing_the_catalogue()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(new Uri(server.BaseAddress, "/catalogue").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "发起修订" }).ClickAsync();
        await Dialog(office).Locator("textarea").First.FillAsync("试拟一份修订");
        await Dialog(office).GetByRole(AriaRole.Button, new() { Name = "发起修订" }).ClickAsync();
        var amendment = office.Locator("[data-amendment]").Filter(new() { HasText = "试拟一份修订" });
        await Assertions.Expect(amendment).ToBeVisibleAsync();
        // One open amendment at a time: the page offers to continue it instead of opening another.
        await Assertions.Expect(office.GetByRole(AriaRole.Button, new() { Name = "发起修订" })).ToHaveCountAsync(0);
        await Assertions.Expect(office.GetByTestId("amendment-open")).ToBeVisibleAsync();

        for (var i = 0; i < 2; i++)
        {
            await amendment.GetByRole(AriaRole.Button, new() { Name = "添加变更" }).ClickAsync();
            await Dialog(office).GetByText("停用事项").ClickAsync();
            await Assertions.Expect(Dialog(office).GetByText("公开方式")).ToHaveCountAsync(0);
            await Dialog(office).GetByTestId("amendment-item").ClickAsync();
            await office.Locator(".mud-popover-open .mud-list-item").Nth(i).ClickAsync();
            await Dialog(office).GetByRole(AriaRole.Button, new() { Name = "添加变更" }).ClickAsync();
            await Assertions.Expect(amendment.Locator("[data-change]")).ToHaveCountAsync(i + 1);
        }

        await amendment.Locator("[data-change]").First.GetByRole(AriaRole.Button, new() { Name = "删除此修改事项" }).ClickAsync();
        await office.Locator(".mud-dialog").Filter(new() { HasText = "这项修改" }).GetByRole(AriaRole.Button, new() { Name = "删除此修改事项" }).ClickAsync();
        await Assertions.Expect(amendment.Locator("[data-change]")).ToHaveCountAsync(1);

        await amendment.GetByRole(AriaRole.Button, new() { Name = "放弃修订" }).ClickAsync();
        await office.Locator(".mud-dialog").Filter(new() { HasText = "其中的修改不会生效" }).GetByRole(AriaRole.Button, new() { Name = "放弃修订" }).ClickAsync();
        await Assertions.Expect(amendment).ToContainTextAsync("已放弃");
        await Assertions.Expect(office.GetByRole(AriaRole.Button, new() { Name = "发起修订" })).ToBeVisibleAsync();
    }
}
