using System.Reflection;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using PartyAffairs.App.Components.Layout;
using PartyAffairs.Tests.Components;

namespace PartyAffairs.Tests.Benchmarks.Pages;

/// <summary>
/// The page benchmark's table against the app (no benchmark is run): each role's menu entries are exactly the table's
/// non-detail pages for that role, so a new menu entry cannot be forgotten, and every routable page is either measured or
/// named here with the reason it is not.
/// </summary>
public sealed partial class PageTableTests : IAsyncLifetime
{
    /// <summary>Pages the benchmark does not open, each for a reason: a print sheet of a page it measures, a step inside a flow it
    /// measures the start of, or a page no one reaches from a menu or list.</summary>
    private static readonly string[] NotMeasured =
    [
        "/catalogue/{}/print", "/assessment/report/{}/print", // print sheets of measured pages
        "/disclosures/{}/edit", // the editor, measured as /disclosures/new
        "/archive/ready", "/archive/verify", // the archive's two tools, opened from its page
        "/Account/Manage/ChangePassword", "/Account/AccessDenied", "/Account/InvalidUser", "/Account/Lockout", "/Error", "/not-found",
    ];

    private ComponentHarness harness = default!;

    public async Task InitializeAsync() => harness = await ComponentHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public static TheoryData<string> Roles() => [.. PageBenchmarks.RolesOf.Keys];

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_table_holds_exactly_the_menu_of_each_role(string role)
    {
        harness.UseCulture("zh-CN");
        harness.SignInAs("测试", null, PageBenchmarks.RolesOf[role]);

        var cut = harness.Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "页面内容"))));
        // The menu follows from who the person is, which the shell reads first (asynchronously on PostgreSQL).
        cut.WaitForAssertion(() => cut.Find("[data-testid=shell-user]"), TimeSpan.FromSeconds(10));
        var menu = cut.FindAll(".mud-navmenu a[href]").Select(a => a.GetAttribute("href")!).ToHashSet();

        var table = PageBenchmarks.Table.Where(p => p.Role == role && !p.Path.Contains('{') && p.Path != "/disclosures/new").Select(p => p.Path).ToHashSet();
        menu.ShouldNotBeEmpty();
        menu.Except(table).ShouldBeEmpty($"in {role}'s menu but not in the page benchmark");
        table.Except(menu).ShouldBeEmpty($"in the page benchmark for {role} but not in the menu");
    }

    [Fact]
    public void Every_routable_page_is_measured_or_named_as_not_measured()
    {
        var routes = typeof(PartyAffairs.App.Domain.Actor).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => Shape(r.Template))
            .ToHashSet();
        var measured = PageBenchmarks.Table.Select(p => Shape(p.Path.Split('?')[0])).ToHashSet();

        routes.ShouldContain("/board");
        routes.Except(measured).Except(NotMeasured).ShouldBeEmpty("pages neither measured by the page benchmark nor named as not measured");
        NotMeasured.Except(routes).ShouldBeEmpty("named as not measured but no longer a page");
    }

    [Fact]
    public void Every_role_in_the_table_signs_in_and_every_page_is_listed_once()
    {
        PageBenchmarks.Table.Select(p => p.Role).Distinct().Order()
            .ShouldBe(PageBenchmarks.RolesOf.Keys.Append(PageBenchmarks.Anonymous).Order());
        PageBenchmarks.Table.Count.ShouldBe(PageBenchmarks.Table.Distinct().Count());
    }

    /// <summary>A route or a table path with its parameters blanked: "/disclosures/{Id:int}" and "/disclosures/{disclosure}" are both "/disclosures/{}".</summary>
    private static string Shape(string path) => Parameter().Replace(path, "{}");

    [GeneratedRegex("\\{[^}]*\\}")]
    private static partial Regex Parameter();
}
