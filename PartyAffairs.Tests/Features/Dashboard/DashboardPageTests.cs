using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Dashboard;

/// <summary>The dashboard follows the live event stream: no reload, no polling.</summary>
public sealed class DashboardPageTests : IAsyncLifetime
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
        // The page's services come from one scope, as in a circuit; bUnit adds MudBlazor and the JS stand-in.
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

    private string Count(IRenderedComponent<DashboardPage> page, string card) => page.Find($"[data-testid=count-{card}]").TextContent.Trim();

    [Fact]
    public async Task A_published_change_event_re_renders_the_page_with_fresh_data()
    {
        var id = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "临时通知", Audience.Public, DisclosureState.Draft, bureau.Now, "secA");
        var page = context.Render<DashboardPage>();
        page.WaitForAssertion(() => Count(page, "submitted").ShouldBe("0"), Patience);

        // Changed behind the DbContext's back, so nothing is announced until the test publishes the event itself.
        await using (var db = harness.NewDb())
        {
            await db.Disclosures.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DisclosureState.Submitted));
        }
        harness.Services.GetRequiredService<LiveEventStream>().Publish(
            [new ChangeEvent(nameof(Disclosure), id, bureau.BranchAId, WorkflowAction.Submit, "Draft", "Submitted", "secA", bureau.Now, null)]);

        page.WaitForAssertion(() => Count(page, "submitted").ShouldBe("1"), Patience);
        page.Markup.ShouldContain("临时通知");
    }

    [Fact]
    public async Task A_card_shows_the_top_ten_and_links_the_rest_to_the_full_paged_list()
    {
        for (var i = 0; i < 12; i++)
            await bureau.OutOfCatalogueAsync(bureau.BranchAId, $"待审事项 {i:00}", Audience.Public, DisclosureState.Submitted, bureau.Now.AddMinutes(-i), "secA");

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Count(page, "submitted").ShouldBe("12"), Patience);
        var card = page.Find("[data-testid=count-submitted]").Closest(".dashboard-card")!;
        card.QuerySelectorAll("a[href^='/disclosures/']").Length.ShouldBe(10);
        var more = page.Find("[data-testid=count-submitted-more]");
        more.GetAttribute("href").ShouldBe("/disclosures?state=Submitted");
        more.TextContent.ShouldContain("2");
        page.FindAll("[data-testid=count-late-feedback-more]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_submission_anywhere_shows_up_in_the_cards_and_the_feed()
    {
        var id = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "评优公示", Audience.Public, DisclosureState.Draft, bureau.Now, "secB");
        var page = context.Render<DashboardPage>();
        page.WaitForAssertion(() => Count(page, "submitted").ShouldBe("0"), Patience);

        // Another person, in another circuit, submits through the real service: its commit announces the change.
        await harness.SignInAsync("secB");
        await using (var elsewhere = harness.NewScope())
        {
            await using var db = harness.NewDb();
            var version = (await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == id)).Version;
            (await harness.Get<DisclosureReviewService>(elsewhere).SubmitAsync(id, version)).Succeeded.ShouldBeTrue();
        }
        await harness.SignInAsync("office");

        page.WaitForAssertion(() =>
        {
            Count(page, "submitted").ShouldBe("1");
            string.Concat(page.Find("[data-testid=feed]").TextContent.Where(c => !char.IsWhiteSpace(c))).ShouldContain("secB提交公开事项《评优公示》");
        }, Patience);
    }

    [Fact]
    public async Task A_change_renders_again_only_the_card_it_changed_not_the_layout_or_the_other_cards()
    {
        var id = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "临时通知", Audience.Public, DisclosureState.Draft, bureau.Now, "secA");
        var page = context.Render<DashboardPage>();
        page.WaitForAssertion(() => Count(page, "submitted").ShouldBe("0"), Patience);
        var submitted = page.FindComponent<SubmittedDisclosuresCard>();
        var unchanged = new Dictionary<string, IRenderedComponent<IComponent>>
        {
            // bUnit counts a component's renders with its children's: the heading's MudStack stands for the layout, which
            // would render it again if the layout were rendered again.
            ["layout"] = (IRenderedComponent<IComponent>)page.FindComponent<MudStack>(),
            ["catalogues"] = (IRenderedComponent<IComponent>)page.FindComponent<SubmittedCataloguesCard>(),
            ["due"] = (IRenderedComponent<IComponent>)page.FindComponent<DueCard>(),
            ["closing"] = (IRenderedComponent<IComponent>)page.FindComponent<ClosingSoonCard>(),
            ["late"] = (IRenderedComponent<IComponent>)page.FindComponent<LateFeedbackCard>(),
            ["feed"] = (IRenderedComponent<IComponent>)page.FindComponent<FeedEntries>(),
        };
        var before = unchanged.ToDictionary(c => c.Key, c => c.Value.RenderCount);
        var submittedBefore = submitted.RenderCount;

        // Only the submitted card's data changes: no audit entry (the feed stays), the clock stands still (the caption stays).
        await using (var db = harness.NewDb())
        {
            await db.Disclosures.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DisclosureState.Submitted));
        }
        harness.Services.GetRequiredService<LiveEventStream>().Publish(
            [new ChangeEvent(nameof(Disclosure), id, bureau.BranchAId, WorkflowAction.Submit, "Draft", "Submitted", "secA", bureau.Now, null)]);

        page.WaitForAssertion(() => Count(page, "submitted").ShouldBe("1"), Patience);
        submitted.RenderCount.ShouldBeGreaterThan(submittedBefore);
        unchanged.ToDictionary(c => c.Key, c => c.Value.RenderCount).ShouldBe(before);
    }

    [Fact]
    public async Task Leaving_the_page_stops_listening()
    {
        var feed = harness.Services.GetRequiredService<DashboardFeed>();
        var page = context.Render<DashboardPage>();
        page.WaitForAssertion(() => feed.WatcherCount.ShouldBe(1), Patience);

        await context.DisposeComponentsAsync();

        feed.WatcherCount.ShouldBe(0);
    }
}
