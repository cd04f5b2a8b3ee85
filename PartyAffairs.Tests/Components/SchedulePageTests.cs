using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

public sealed class SchedulePageTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
        await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "重大事项即时公开", Cadence.Immediate, Audience.AllMembers, []));
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Recording_an_event_from_the_schedule_closes_the_dialog_tells_the_due_date_and_lists_the_new_occurrence()
    {
        harness.UseCulture("zh-CN");
        var secretary = bureau["secA"];
        await harness.Backend.SignInAsync("secA");
        harness.SignInAs(secretary.DisplayName, secretary.OrganizationId, [.. secretary.Roles], secretary.UserId);
        var dialogs = harness.Context.Render<MudDialogProvider>();
        var snackbars = harness.Context.Render<MudSnackbarProvider>();
        var cut = harness.Context.Render<SchedulePage>();
        cut.WaitForAssertion(() => RecordButton(cut), TimeSpan.FromSeconds(10));
        cut.Markup.ShouldNotContain("重大事项即时公开");

        await Fresh.ClickAsync(cut, () => RecordButton(cut));
        dialogs.WaitForAssertion(() => LabelInput(dialogs));
        await Fresh.InputAsync(dialogs, () => LabelInput(dialogs), "支部换届选举结果");
        await Fresh.ClickAsync(dialogs, () => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "登记即时事项"));

        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("已登记，应于"));
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        // Reloaded: the new occurrence is on the calendar.
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("重大事项即时公开"));
        await using var db = harness.Backend.NewDb();
        (await db.Set<CatalogueOccurrence>().CountAsync(o => o.Label == "支部换届选举结果")).ShouldBe(1);
    }

    private static AngleSharp.Dom.IElement LabelInput(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll(".mud-dialog .mud-input-control").Single(c => c.TextContent.Contains("事项名称")).QuerySelector("input")!;

    private static AngleSharp.Dom.IElement RecordButton(IRenderedComponent<SchedulePage> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "登记即时事项");
}
