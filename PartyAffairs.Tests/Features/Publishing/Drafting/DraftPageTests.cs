using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing.Drafting;

/// <summary>The pre-submission panel shows what submission would say about the period on screen, and never 检查通过 when it would fail.</summary>
public sealed class DraftPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ServiceHarness harness = default!;
    private ReviewBureau bureau = default!;
    private AsyncServiceScope circuit;
    private BunitContext context = default!;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        harness = await ServiceHarness.CreateAsync();
        bureau = await ReviewBureau.CreateAsync(harness);
        await harness.SignInAsync("drafterA");
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
    public async Task An_end_moved_before_the_start_is_named_in_the_panel_which_no_longer_says_the_checks_pass()
    {
        var drafts = harness.Get<DraftService>(circuit);
        var id = (await drafts.StartOutOfCatalogueAsync(bureau.BranchA, Category.Other, "上级临时要求")).Value;
        var version = (await drafts.GetAsync(id)).Value!.Version;
        var now = harness.Time.GetUtcNow().UtcDateTime;
        (await drafts.SaveAsync(id, version, new DraftRequest("临时通知", "本周五召开支部党员大会。", Channel.Board, Audience.Organization,
            now.AddHours(1), now.AddDays(8), false))).Succeeded.ShouldBeTrue();

        var page = context.Render<DraftPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=checks]").TextContent.ShouldContain("检查通过"), Patience);

        // The person picks an end date the day before the start date.
        var until = page.FindComponents<MudDatePicker>()[1];
        var start = page.FindComponents<MudDatePicker>()[0].Instance.Date!.Value;
        await page.InvokeAsync(() => until.Instance.DateChanged.InvokeAsync(start.AddDays(-1)));

        page.WaitForAssertion(() =>
        {
            var panel = page.Find("[data-testid=checks]").TextContent;
            panel.ShouldContain("公开结束时间须晚于开始时间。");
            panel.ShouldNotContain("检查通过");
        }, Patience);
        page.Find("[data-testid=save-state]").TextContent.ShouldNotContain("保存失败");
    }
}
