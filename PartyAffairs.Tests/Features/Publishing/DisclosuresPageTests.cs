using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

/// <summary>The disclosures list shows one page from the server and sorts there: a header click asks the service, not the circuit's rows.</summary>
public sealed class DisclosuresPageTests : IAsyncLifetime
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
        // The page's 新建 button sits in an AuthorizeView.
        context.AddAuthorization().SetAuthorized("office").SetRoles("Office");
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
        for (var i = 0; i < 30; i++)
            await bureau.OutOfCatalogueAsync(bureau.BranchAId, $"事项 {i:00}", Audience.Public, DisclosureState.Draft, bureau.Now.AddHours(-i), "secA");

        var page = context.Render<DisclosuresPage>();

        IReadOnlyList<string> Titles() => page.FindAll("td a[href^='/disclosures/']").Select(a => a.TextContent.Trim()).ToList();
        page.WaitForAssertion(() => Titles().Count.ShouldBe(25), Patience);

        // 标题 is the first sortable header: ascending, then descending, over all thirty.
        await Fresh.ClickAsync(page, () => page.FindAll(".sortable-column-header")[0]);
        page.WaitForAssertion(() => Titles()[0].ShouldBe("事项 00"), Patience);
        await Fresh.ClickAsync(page, () => page.FindAll(".sortable-column-header")[0]);
        page.WaitForAssertion(() => Titles()[0].ShouldBe("事项 29"), Patience);
        Titles().Count.ShouldBe(25);
    }
}
