using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

public sealed class FeedbackDetailPageTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;
    private int feedbackId;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
        var disclosure = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 经费公开", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-1));
        feedbackId = await bureau.FeedbackAsync(disclosure, bureau.Now, stepDueAtUtc: null);
        await harness.Backend.SignInAsync("handler");
        await using var scope = harness.Backend.NewScope();
        (await harness.Backend.Get<FeedbackHandlingService>(scope).AssignAsync(new AssignFeedbackRequest(feedbackId, 1, bureau["secA"].UserId))).Succeeded.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_refused_answer_shows_the_services_message_and_keeps_what_was_typed()
    {
        harness.UseCulture("zh-CN");
        var secretary = bureau["secA"];
        await harness.Backend.SignInAsync("secA");
        harness.SignInAs(secretary.DisplayName, secretary.OrganizationId, [.. secretary.Roles], secretary.UserId);
        var snackbars = harness.Context.Render<MudSnackbarProvider>();
        var cut = harness.Context.Render<FeedbackDetailPage>(p => p.Add(x => x.Id, feedbackId));
        cut.WaitForAssertion(() => cut.Find("textarea[data-testid=answer-text]"), TimeSpan.FromSeconds(10));
        // A right-to-left override would reorder the answer as the public reads it: the validator refuses it.
        const string typed = "已补充明细\u202E。";

        await Fresh.InputAsync(cut, () => cut.Find("textarea[data-testid=answer-text]"), typed);
        cut.WaitForAssertion(() => cut.Find("[data-testid=answer]").HasAttribute("disabled").ShouldBeFalse());
        await Fresh.ClickAsync(cut, () => cut.Find("[data-testid=answer]"));

        snackbars.WaitForAssertion(() => snackbars.Find(".mud-snackbar").TextContent.ShouldContain("含有不可见的控制字符"));
        snackbars.Find(".mud-snackbar").ClassList.ShouldContain("mud-alert-filled-error");
        cut.Find("textarea[data-testid=answer-text]").GetAttribute("value").ShouldBe(typed);
        await using var db = harness.Backend.NewDb();
        (await db.Feedback.Where(f => f.Id == feedbackId).Select(f => f.State).SingleAsync()).ShouldBe(FeedbackState.Assigned);
    }
}
