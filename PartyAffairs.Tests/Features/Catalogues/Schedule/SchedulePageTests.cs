using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues.Schedule;

/// <summary>The month calendar puts each occurrence on its due day, coloured by status; today is 2026-11-26.</summary>
public sealed class SchedulePageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ServiceHarness harness = default!;
    private TestBureau bureau = default!;
    private AsyncServiceScope circuit;
    private BunitContext context = default!;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        harness = await ServiceHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness);
        await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, [new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 27)]),
            new PlannedItem(bureau.BranchBId, "党费收缴情况", Cadence.Yearly, Audience.AllMembers, [new DateOnly(2026, 11, 27)]));
        await harness.SignInAsync("secA");
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
    public void The_calendar_shows_the_secretarys_own_occurrences_on_their_due_days_coloured_by_status()
    {
        var page = context.Render<SchedulePage>();

        page.WaitForAssertion(() => page.Find("td[data-date='2026-11-27'] .schedule-chip").TextContent.Trim().ShouldBe("支部党员大会"), Patience);
        page.Find("td[data-date='2026-11-27'] .schedule-chip").GetAttribute("data-status").ShouldBe(nameof(OccurrenceStatus.DueSoon));
        page.Find("td[data-date='2026-11-25'] .schedule-chip").GetAttribute("data-status").ShouldBe(nameof(OccurrenceStatus.Overdue));
        page.FindAll("td[data-date='2026-11-27'] .schedule-chip").Count.ShouldBe(1, "branch B's item is not the branch A secretary's to see");
        page.Find("h2.schedule-month").TextContent.ShouldContain("2026年11月");
    }

    [Fact]
    public async Task The_office_sees_every_branch_so_each_chip_names_its_organization()
    {
        await harness.SignInAsync("office");
        var page = context.Render<SchedulePage>();

        page.WaitForAssertion(() => page.FindAll("td[data-date='2026-11-27'] .schedule-chip").Count.ShouldBe(2), Patience);
        page.FindAll("td[data-date='2026-11-27'] .schedule-chip-org").Select(o => o.TextContent.Trim())
            .ShouldBe(["第一党支部", "第二党支部"], ignoreOrder: true);
    }

    [Fact]
    public void A_secretary_sees_only_their_own_so_the_chip_needs_no_organization()
    {
        var page = context.Render<SchedulePage>();

        page.WaitForAssertion(() => page.Find("td[data-date='2026-11-27'] .schedule-chip"), Patience);
        page.FindAll(".schedule-chip-org").ShouldBeEmpty();
    }

    [Fact]
    public async Task Moving_to_october_marks_the_national_day_holidays_and_the_make_up_saturday()
    {
        var page = context.Render<SchedulePage>();
        page.WaitForAssertion(() => page.FindAll(".schedule-chip").Count.ShouldBeGreaterThan(0), Patience);

        await Fresh.ClickAsync(page, () => page.Find("button[aria-label='上个月']"));

        // The month's heading changes at once; its holidays are read after it (later on PostgreSQL than on SQLite).
        page.WaitForAssertion(() =>
        {
            page.Find("h2.schedule-month").TextContent.ShouldContain("2026年10月");
            page.Find("td[data-date='2026-10-01'] .schedule-mark").TextContent.Trim().ShouldBe("休");
        }, Patience);
        page.Find("td[data-date='2026-10-10'] .schedule-mark").TextContent.Trim().ShouldBe("班");
        page.FindAll("td[data-date='2026-10-12'] .schedule-mark").ShouldBeEmpty();
    }
}
