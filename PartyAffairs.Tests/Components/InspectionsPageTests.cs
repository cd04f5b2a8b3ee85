using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Inspections;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

public sealed class InspectionsPageTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
        await harness.Backend.SignInAsync("office");
        await using var scope = harness.Backend.NewScope();
        var recorded = await harness.Backend.Get<InspectionService>(scope).RecordAsync(new RecordInspectionRequest
        {
            OrganizationId = bureau.BranchAId,
            Date = new DateTime(2026, 11, 20),
            Inspectors = "李淑芬",
            Rectifications = [new RectificationRequest { What = "补齐三会一课记录", OwnerId = bureau["secA"].UserId, DueDate = new DateTime(2026, 12, 10) }],
        });
        recorded.Succeeded.ShouldBeTrue(recorded.Message);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_refused_outcome_keeps_the_form_with_what_was_typed_and_a_corrected_one_completes_the_rectification()
    {
        harness.UseCulture("zh-CN");
        var owner = bureau["secA"];
        await harness.Backend.SignInAsync("secA");
        harness.SignInAs(owner.DisplayName, owner.OrganizationId, [.. owner.Roles], owner.UserId);
        var snackbars = harness.Context.Render<MudSnackbarProvider>();
        var cut = harness.Context.Render<InspectionsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=complete-rectification]"), TimeSpan.FromSeconds(10));
        await Fresh.ClickAsync(cut, () => cut.Find("[data-testid=complete-rectification]"));
        const string typed = "已补齐\u202E记录";
        cut.WaitForAssertion(() => cut.Find("input[data-testid=rectification-outcome]"), TimeSpan.FromSeconds(10));

        await Fresh.ChangeAsync(cut, () => cut.Find("input[data-testid=rectification-outcome]"), typed);
        await Fresh.ClickAsync(cut, () => cut.Find("[data-testid=confirm-complete]"));

        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("不可见的控制字符"));
        cut.Find("input[data-testid=rectification-outcome]").GetAttribute("value").ShouldBe(typed);
        (await StateAsync()).ShouldBe(RectificationState.Open);

        await Fresh.ChangeAsync(cut, () => cut.Find("input[data-testid=rectification-outcome]"), "已补齐记录");
        await Fresh.ClickAsync(cut, () => cut.Find("[data-testid=confirm-complete]"));

        snackbars.WaitForAssertion(() => snackbars.FindAll(".mud-snackbar").ShouldContain(s => s.ClassList.Contains("mud-alert-filled-success")));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=rectification-outcome]").ShouldBeEmpty());
        cut.Markup.ShouldContain("已补齐记录");
        (await StateAsync()).ShouldBe(RectificationState.Done);
    }

    private async Task<RectificationState> StateAsync()
    {
        await using var db = harness.Backend.NewDb();
        return await db.Rectifications.Select(r => r.State).SingleAsync();
    }
}
