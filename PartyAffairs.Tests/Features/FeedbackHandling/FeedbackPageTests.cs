using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>The feedback list shows one page from the server and sorts there: a header click asks the service, not the circuit's rows.</summary>
public sealed class FeedbackPageTests : IAsyncLifetime
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
        await harness.SignInAsync("office");
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
    public async Task The_page_holds_one_page_of_rows_and_a_header_sorts_the_whole_list_on_the_server()
    {
        var item = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 经费公开", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-40));
        for (var i = 0; i < 30; i++) await bureau.FeedbackAsync(item, bureau.Now.AddDays(-30).AddHours(i), stepDueAtUtc: bureau.Now.AddDays(5));
        await using var db = harness.NewDb();
        var ids = await db.Feedback.OrderBy(f => f.ReceivedAtUtc).Select(f => f.Id).ToListAsync();

        var page = context.Render<FeedbackPage>();

        string FirstOpened() => page.FindAll("[data-testid=open-feedback]")[0].GetAttribute("href")!;
        page.WaitForAssertion(() => page.FindAll("[data-testid=open-feedback]").Count.ShouldBe(25), Patience);
        FirstOpened().ShouldEndWith($"/{ids[^1]}");

        // 收到时间 is the third sortable header; ascending puts the oldest, which was not on the first page, first.
        await Fresh.ClickAsync(page, () => page.FindAll(".sortable-column-header")[2]);
        page.WaitForAssertion(() => FirstOpened().ShouldEndWith($"/{ids[0]}"), Patience);
        page.FindAll("[data-testid=open-feedback]").Count.ShouldBe(25);
    }
}
