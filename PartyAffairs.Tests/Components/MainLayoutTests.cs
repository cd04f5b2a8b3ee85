using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Components.Layout;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

public sealed class MainLayoutTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;

    public async Task InitializeAsync() => harness = await ComponentHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>
    /// Renders the shell and, for a signed-in person, waits until it has read who they are (the menu follows from that): the
    /// read is truly asynchronous on PostgreSQL, where SQLite's usually completed before the first render returned.
    /// </summary>
    private IRenderedComponent<MainLayout> RenderLayout(RenderFragment? body = null)
    {
        var cut = harness.Context.Render<MainLayout>(p => p.Add(l => l.Body, body ?? (b => b.AddContent(0, "页面内容"))));
        if (harness.User.Actor.IsAuthenticated && !MustChangePassword)
            cut.WaitForAssertion(() => cut.Find("[data-testid=shell-user]"), TimeSpan.FromSeconds(10));
        return cut;
    }

    private bool MustChangePassword { get; set; }

    private static IReadOnlyList<string> NavTargets(IRenderedComponent<MainLayout> cut) =>
        cut.FindAll(".mud-navmenu a[href]").Select(a => a.GetAttribute("href")!).ToList();

    [Theory]
    [InlineData(Roles.Admin, true, false)]
    [InlineData(Roles.Office, false, true)]
    [InlineData(Roles.Leader, false, true)]
    [InlineData(Roles.Secretary, false, false)]
    [InlineData(Roles.Member, false, false)]
    public void The_admin_group_shows_only_to_the_Admin_and_the_dashboard_only_to_Office_and_Leader(string role, bool admin, bool dashboard)
    {
        harness.UseCulture("zh-CN");
        harness.SignInAs("张敏", null, [role]);

        var cut = RenderLayout();

        var targets = NavTargets(cut);
        targets.ShouldContain("/");
        targets.ShouldContain("/my/feedback", "every signed-in role reaches 我的反馈");
        (cut.Markup.Contains("系统管理")).ShouldBe(admin);
        // The Office imports and exports members on the users page (issue 20); the rest of user administration is the Admin's.
        targets.Contains("/admin/users").ShouldBe(role is Roles.Admin or Roles.Office);
        targets.Contains("/admin/organizations").ShouldBe(admin);
        targets.Contains("/admin/leading-group").ShouldBe(role is Roles.Admin or Roles.Office);
        targets.Contains("/dashboard").ShouldBe(dashboard);
        (cut.Markup.Contains("审批看板")).ShouldBe(dashboard);
    }

    [Fact]
    public void A_secretary_reaches_the_four_workflow_steps_and_their_own_assessment_but_not_the_dashboard()
    {
        harness.UseCulture("zh-CN");
        harness.SignInAs("张敏", null, [Roles.Secretary]);

        var targets = NavTargets(RenderLayout());

        targets.ShouldContain("/catalogue");
        targets.ShouldContain("/disclosures");
        targets.ShouldContain("/feedback");
        targets.ShouldContain("/archive");
        targets.ShouldContain("/assessment");
        targets.ShouldNotContain("/dashboard");
    }

    [Fact]
    public async Task The_language_switch_reloads_through_the_culture_endpoint_with_the_current_path()
    {
        harness.UseCulture("zh-CN");
        harness.SignInAs("张敏", null, [Roles.Member]);
        harness.Navigation.NavigateTo("/disclosures?year=2026");

        var cut = RenderLayout();

        var english = cut.Find("a[data-culture=en]");
        english.GetAttribute("href").ShouldBe("/culture/set?culture=en&redirectUri=%2Fdisclosures%3Fyear%3D2026");
        cut.Find("a[data-culture=zh-CN]").GetAttribute("href").ShouldBe("/culture/set?culture=zh-CN&redirectUri=%2Fdisclosures%3Fyear%3D2026");
        cut.Find("a[data-culture=zh-CN]").ClassList.ShouldContain("active");

        // The layout's bell reads after its first render: the link is found again as the page is when clicked.
        await Fresh.ClickAsync(cut, () => cut.Find("a[data-culture=en]"));

        var navigation = harness.Context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().History.First();
        navigation.Uri.ShouldBe("/culture/set?culture=en&redirectUri=%2Fdisclosures%3Fyear%3D2026");
        navigation.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public async Task The_app_bar_names_the_person_and_their_organization_and_offers_sign_out()
    {
        harness.UseCulture("zh-CN");
        int branch;
        await using (var db = harness.Backend.NewDb())
        {
            var organization = new Organization("第一党支部", "DYZB", OrganizationKind.Branch, null, 1);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            branch = organization.Id;
        }
        var userId = await harness.Backend.CreateUserAsync("secretary", branch, Roles.Secretary);
        harness.SignInAs("李书记", branch, [Roles.Secretary], userId);

        var cut = RenderLayout();

        cut.WaitForAssertion(() => cut.Find("[data-testid=shell-user]").TextContent.ShouldContain("第一党支部"));
        cut.Find("[data-testid=shell-user]").TextContent.ShouldContain("李书记");
        cut.Markup.ShouldContain("党务公开管理系统");
        var signOut = cut.Find("form.shell-logout");
        signOut.GetAttribute("action").ShouldBe("/Account/Logout");
        signOut.GetAttribute("method").ShouldBe("post");
        signOut.QuerySelector("button[type=submit]")!.TextContent.ShouldContain("退出");
        var everywhere = cut.Find("form.shell-logout-everywhere");
        everywhere.GetAttribute("action").ShouldBe("/Account/LogoutEverywhere");
        everywhere.GetAttribute("method").ShouldBe("post");
        everywhere.QuerySelector("button[type=submit]")!.GetAttribute("aria-label").ShouldBe("退出所有设备");
    }

    [Fact]
    public async Task A_person_who_must_change_their_password_is_sent_to_do_so_first()
    {
        harness.UseCulture("zh-CN");
        var userId = await harness.Backend.CreateUserAsync("newcomer", null, Roles.Member);
        await using (var scope = harness.Backend.NewScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }
        harness.SignInAs("newcomer", null, [Roles.Member], userId);
        harness.Navigation.NavigateTo("/feedback");

        MustChangePassword = true;
        var cut = RenderLayout();

        var history = harness.Context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().History;
        cut.WaitForAssertion(() => history.First().Uri.ShouldStartWith("/Account/Manage/ChangePassword"), TimeSpan.FromSeconds(10));
        var navigation = history.First();
        navigation.Uri.ShouldBe("/Account/Manage/ChangePassword?returnUrl=%2Ffeedback");
        navigation.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public void A_page_that_fails_shows_a_message_with_retry_instead_of_ending_the_circuit()
    {
        harness.UseCulture("zh-CN");
        harness.SignInAs("张敏", null, [Roles.Member]);

        var cut = RenderLayout(b =>
        {
            b.OpenComponent<FailingPage>(0);
            b.CloseComponent();
        });

        var error = cut.Find("[data-testid=page-error]");
        error.TextContent.ShouldContain("页面出了点问题");
        error.QuerySelector("button")!.TextContent.ShouldContain("重试");
        cut.Find("header").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_theme_toggle_switches_to_dark_and_remembers_it_in_a_cookie()
    {
        harness.UseCulture("zh-CN");
        harness.SignInAs("张敏", null, [Roles.Member]);
        var module = harness.Context.JSInterop.SetupModule("./Components/Layout/MainLayout.razor.js");
        var cut = RenderLayout();
        cut.WaitForElement("link[href^='theme/light.css']");

        await Fresh.ClickAsync(cut, () => cut.Find("[data-testid=theme-toggle]"));

        module.VerifyInvoke("saveTheme").Arguments.ShouldBe([AppTheme.CookieName, "dark"]);
        cut.Find("[data-testid=theme-toggle]").GetAttribute("aria-label").ShouldBe("切换浅色/深色");
        // The page's theme is a stylesheet link (ThemeStylesheet): switching swaps which one.
        cut.WaitForElement("link[href^='theme/dark.css']");
        cut.FindAll("link[href^='theme/light.css']").ShouldBeEmpty();
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            throw new InvalidOperationException("A bug in a page.");
    }
}
