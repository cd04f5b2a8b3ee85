using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.Tests.Features.Shared;

/// <summary>The one way a page runs a command: what the person sees while it runs and after each kind of outcome.</summary>
public sealed class PageCommandTests : IAsyncDisposable
{
    private readonly BunitContext context = new();
    private readonly IRenderedComponent<MudSnackbarProvider> snackbars;

    public PageCommandTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddTransient<PageCommand>();
        snackbars = context.Render<MudSnackbarProvider>();
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public void The_button_is_disabled_while_the_command_runs_and_the_success_is_told_after_the_page_reloads()
    {
        var gate = new TaskCompletionSource<Result>();
        var cut = context.Render<CommandHost>(p => p.Add(x => x.Operation, () => gate.Task));

        // Not awaited: the handler is still waiting for the service, as a person's click would be.
        cut.Find("[data-testid=save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=save]").HasAttribute("disabled").ShouldBeTrue());
        cut.Find("[data-testid=reloads]").TextContent.ShouldBe("0");

        gate.SetResult(Result.Ok());
        cut.WaitForAssertion(() => cut.Find("[data-testid=save]").HasAttribute("disabled").ShouldBeFalse());
        cut.Find("[data-testid=reloads]").TextContent.ShouldBe("1");
        snackbars.WaitForAssertion(() => Snackbar().TextContent.ShouldContain("已保存"));
        Snackbar().ClassList.ShouldContain("mud-alert-filled-success");
    }

    [Fact]
    public async Task A_second_click_while_the_first_runs_does_not_run_the_command_again()
    {
        var gate = new TaskCompletionSource<Result>();
        var runs = 0;
        var cut = context.Render<CommandHost>(p => p.Add(x => x.Operation, () =>
        {
            runs++;
            return gate.Task;
        }));

        // Not awaited: the handler is still waiting for the service, as a person's click would be.
        cut.Find("[data-testid=save]").Click();
        // The disabled button is the first guard; the runner is the second, for a click that arrives before the re-render.
        (await cut.Instance.Runner.RunAsync(() => { runs++; return Task.FromResult(Result.Ok()); }, "again")).ShouldBeNull();
        runs.ShouldBe(1);

        gate.SetResult(Result.Ok());
        cut.WaitForAssertion(() => cut.Find("[data-testid=reloads]").TextContent.ShouldBe("1"));
        runs.ShouldBe(1);
    }

    [Fact]
    public void A_conflict_reloads_the_page_and_warns_that_someone_else_changed_it()
    {
        var cut = context.Render<CommandHost>(p => p.Add(x => x.Operation,
            () => Task.FromResult(Result.Fail(ResultStatus.Conflict, "该记录已被他人修改，请刷新后查看最新内容。"))));

        cut.Find("[data-testid=save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=reloads]").TextContent.ShouldBe("1"));
        snackbars.WaitForAssertion(() => Snackbar().TextContent.ShouldContain("页面已载入最新内容"));
        Snackbar().ClassList.ShouldContain("mud-alert-filled-warning");
    }

    [Fact]
    public void A_refusal_shows_the_services_message_and_does_not_reload_what_the_person_typed_away()
    {
        var cut = context.Render<CommandHost>(p => p.Add(x => x.Operation,
            () => Task.FromResult(Result.Fail(ResultStatus.Invalid, "退回须填写意见"))));

        cut.Find("[data-testid=save]").Click();

        snackbars.WaitForAssertion(() => Snackbar().TextContent.ShouldContain("退回须填写意见"));
        Snackbar().ClassList.ShouldContain("mud-alert-filled-error");
        cut.Find("[data-testid=reloads]").TextContent.ShouldBe("0");
        cut.Find("[data-testid=save]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task A_bug_in_the_command_is_not_swallowed_and_does_not_leave_the_page_busy()
    {
        var runner = context.Services.GetRequiredService<PageCommand>();

        await Should.ThrowAsync<InvalidOperationException>(() => runner.RunAsync(() => Task.FromException<Result>(new InvalidOperationException("bug")), "x"));

        runner.Busy.ShouldBeFalse();
    }

    private AngleSharp.Dom.IElement Snackbar() => snackbars.Find(".mud-snackbar");
}
