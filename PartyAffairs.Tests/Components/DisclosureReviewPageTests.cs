using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>The disclosure page as its reviewer sees it: the confidentiality check gates approval, and a conflict shows what is stored.</summary>
public sealed class DisclosureReviewPageTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private ReviewBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await ReviewBureau.CreateAsync(harness.Backend);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Approve_stays_disabled_until_the_confidentiality_check_is_ticked_and_then_approves()
    {
        var (cut, snackbars) = await RenderAsReviewerAsync();

        Approve(cut).HasAttribute("disabled").ShouldBeTrue();
        await Fresh.ChangeAsync(cut, () => cut.Find("input[type=checkbox]"), true);
        cut.WaitForAssertion(() => Approve(cut).HasAttribute("disabled").ShouldBeFalse());

        await Fresh.ClickAsync(cut, () => Approve(cut));

        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("已批准。"));
        (await StateAsync()).ShouldBe(DisclosureState.Approved);
        cut.WaitForAssertion(() => cut.FindAll("button").ShouldNotContain(b => b.TextContent.Trim() == "批准"));
    }

    [Fact]
    public async Task A_review_of_a_version_someone_else_changed_warns_reloads_the_page_and_asks_for_the_check_again()
    {
        var (cut, snackbars) = await RenderAsReviewerAsync();
        await Fresh.ChangeAsync(cut, () => cut.Find("input[type=checkbox]"), true);
        cut.WaitForAssertion(() => Approve(cut).HasAttribute("disabled").ShouldBeFalse());
        await using (var db = harness.Backend.NewDb())
        {
            await db.Disclosures.Where(d => d.Id == bureau.InCatalogueId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Title, "党费收缴情况（更正）").SetProperty(d => d.Version, d => d.Version + 1));
        }

        await Fresh.ClickAsync(cut, () => Approve(cut));

        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("该记录已被他人修改，页面已载入最新内容"));
        snackbars.Find(".mud-snackbar").ClassList.ShouldContain("mud-alert-filled-warning");
        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("党费收缴情况（更正）"));
        Approve(cut).HasAttribute("disabled").ShouldBeTrue();
        (await StateAsync()).ShouldBe(DisclosureState.Submitted);
    }

    private async Task<(IRenderedComponent<DisclosureDetailPage> Page, IRenderedComponent<MudSnackbarProvider> Snackbars)> RenderAsReviewerAsync()
    {
        harness.UseCulture("zh-CN");
        // The page's services come from the backend's container, which reads the backend's signed-in user.
        var id = await harness.Backend.SignInAsync("secretaryA");
        harness.SignInAs("secretaryA", bureau.BranchA, [Roles.Secretary, Roles.Member], id);
        var snackbars = harness.Context.Render<MudSnackbarProvider>();
        var cut = harness.Context.Render<DisclosureDetailPage>(p => p.Add(x => x.Id, bureau.InCatalogueId));
        cut.WaitForAssertion(() => Approve(cut), TimeSpan.FromSeconds(10));
        return (cut, snackbars);
    }

    private static IElement Approve(IRenderedComponent<DisclosureDetailPage> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "批准");

    private async Task<DisclosureState> StateAsync()
    {
        await using var db = harness.Backend.NewDb();
        return await db.Disclosures.Where(d => d.Id == bureau.InCatalogueId).Select(d => d.State).SingleAsync();
    }
}
