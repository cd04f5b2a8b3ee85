using System.Text;
using Microsoft.Playwright;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>The catalogue step end to end, as the acceptance describes it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CatalogueYearTests(AppServer server)
{
    [SkippableFact]
    public async Task The_office_imports_the_template_fixes_the_reported_error_submits_the_leader_approves_and_the_year_is_scheduled()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        // Three years ahead: other browser tests plan next year and the year after on the same server.
        var year = DateTime.UtcNow.Year + 3;

        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");

        // The sample template, and a copy with one deliberate mistake: a cadence the catalogue does not know.
        var template = await office.APIRequest.GetAsync(new Uri(server.BaseAddress, "/catalogue/template.csv").ToString());
        template.Status.ShouldBe(200);
        var text = Encoding.UTF8.GetString(await template.BodyAsync());
        text.ShouldContain("定期-季");
        var good = Support.Browser.ArtifactPath("catalogue-year-template.csv");
        var bad = Support.Browser.ArtifactPath("catalogue-year-template-with-error.csv");
        await File.WriteAllTextAsync(good, text.TrimStart('\uFEFF'), new UTF8Encoding(true));
        await File.WriteAllTextAsync(bad, text.TrimStart('\uFEFF').Replace("定期-季", "每两周"), new UTF8Encoding(true));

        await office.GotoAsync(new Uri(server.BaseAddress, $"/catalogue?year={year}").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await office.GetByTestId("catalogue-import").ClickAsync();
        var dialog = office.Locator(".mud-dialog");
        await dialog.GetByLabel("目录年度").FillAsync(year.ToString());

        await dialog.Locator("input[type=file]").SetInputFilesAsync(bad);
        await Assertions.Expect(dialog.GetByTestId("import-summary")).ToContainTextAsync("1 处错误");
        await Assertions.Expect(dialog.GetByTestId("import-errors")).ToContainTextAsync("时限");
        await Assertions.Expect(dialog.GetByTestId("import-submit")).ToBeDisabledAsync();
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-year-1-error.png"), FullPage = true });

        // The Office corrects the file and chooses it again.
        // MudFileUpload keeps a fresh input for the next pick.
        await dialog.Locator("input[type=file]").Last.SetInputFilesAsync(good);
        await Assertions.Expect(dialog.GetByTestId("import-summary")).ToContainTextAsync("0 处错误");
        await dialog.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar")).ToContainTextAsync($"已导入 {year} 年度目录草稿");

        await office.GotoAsync(new Uri(server.BaseAddress, $"/catalogue?year={year}").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(office.Locator("[data-testid=workflow]")).ToContainTextAsync("目录为草稿");
        await office.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=workflow]")).ToContainTextAsync("等待领导或党建办公室审批");
        await office.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-year-2-submitted.png"), FullPage = true });

        var leader = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(leader, server.BaseAddress, "leader");
        await leader.GotoAsync(new Uri(server.BaseAddress, $"/catalogue?year={year}").ToString());
        await leader.Locator("[data-circuit=live]").WaitForAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "批准生效" }).ClickAsync();
        await leader.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "批准生效" }).ClickAsync();
        await Assertions.Expect(leader.Locator("[data-testid=amendments]")).ToBeVisibleAsync();
        await leader.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-year-3-in-force.png"), FullPage = true });

        // The schedule: the monthly item's January falls due in February, the first quarter's in April.
        await leader.GotoAsync(new Uri(server.BaseAddress, $"/catalogue/schedule?year={year}&month=2").ToString());
        await leader.Locator("[data-circuit=live]").WaitForAsync();
        var chips = leader.Locator(".schedule-chip");
        await Assertions.Expect(chips.First).ToBeVisibleAsync();
        (await chips.CountAsync()).ShouldBeGreaterThan(0);
        await leader.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("catalogue-year-4-schedule.png"), FullPage = true });
    }
}
