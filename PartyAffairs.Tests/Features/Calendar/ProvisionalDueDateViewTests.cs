using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PartyAffairs.App.Components;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Calendar;

/// <summary>
/// 2026-12-30, no 2027 notice: what falls due in 2027 says 暂定 on the dashboard and the schedule, and the Office is told the
/// notice is missing, until the Admin imports it.
/// </summary>
public sealed class ProvisionalDueDateViewTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    /// <summary>Wednesday 2026-12-30, 10:00 in Beijing.</summary>
    private static readonly DateTimeOffset NewYearsEve = new(2026, 12, 30, 2, 0, 0, TimeSpan.Zero);

    private ServiceHarness harness = default!;
    private AsyncServiceScope circuit;
    private BunitContext context = default!;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        harness = await ServiceHarness.CreateAsync(now: NewYearsEve);
        var bureau = await TestBureau.CreateAsync(harness);
        await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "党费收缴情况", Cadence.Monthly, Audience.Organization, [new DateOnly(2027, 1, 4)]),
            new PlannedItem(bureau.BranchAId, "支部工作年报", Cadence.Yearly, Audience.Organization, [new DateOnly(2026, 12, 31)]));
        circuit = harness.NewScope();
        context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddFallbackServiceProvider(circuit.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await circuit.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task The_office_sees_the_missing_notice_and_2027_due_dates_marked_provisional_on_the_dashboard()
    {
        await harness.SignInAsync("office");
        context.AddAuthorization().SetAuthorized("office").SetRoles(Roles.Office);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => page.FindAll(".line").Count.ShouldBeGreaterThanOrEqualTo(2), Patience);
        var lines = page.FindAll(".line");
        lines.Single(l => l.TextContent.Contains("党费收缴情况")).QuerySelector("[data-testid=due-provisional]")!.TextContent.Trim().ShouldBe("暂定");
        lines.Single(l => l.TextContent.Contains("支部工作年报")).QuerySelector("[data-testid=due-provisional]").ShouldBeNull();
        page.Find("[data-testid=calendar-notice-missing]").TextContent.ShouldContain("2027 年放假调休安排尚未导入");
    }

    [Fact]
    public async Task The_schedule_marks_the_2027_due_date_provisional()
    {
        context.AddAuthorization().SetAuthorized("secA").SetRoles(Roles.Secretary);
        await harness.SignInAsync("secA");

        var page = context.Render<SchedulePage>();
        page.WaitForAssertion(() => page.FindAll(".mud-tab").Count.ShouldBe(2), Patience);

        await Fresh.ClickAsync(page, () => page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("列表")));

        page.WaitForAssertion(() => page.FindAll("[data-testid=due-provisional]").Count.ShouldBe(1), Patience);
        page.Find("[data-testid=due-provisional]").Closest("tr")!.TextContent.ShouldContain("党费收缴情况");
    }

    [Fact]
    public async Task Once_the_admin_imports_the_notice_the_banner_is_gone()
    {
        await harness.SignInAsync("admin");
        await using (var scope = harness.NewScope())
        {
            var import = await harness.Get<CalendarAdminService>(scope).ImportAsync("date,kind,name\n2027-01-01,holiday,元旦\n");
            import.Succeeded.ShouldBeTrue(import.Message);
        }
        context.AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin);

        var banner = context.Render<CalendarNoticeBanner>();

        banner.WaitForAssertion(() => banner.Markup.Trim().ShouldBeEmpty(), Patience);
    }

    [Fact]
    public void A_member_is_not_shown_the_banner()
    {
        context.AddAuthorization().SetAuthorized("memberA").SetRoles(Roles.Member);

        var banner = context.Render<CalendarNoticeBanner>();

        banner.Markup.Trim().ShouldBeEmpty();
    }
}
