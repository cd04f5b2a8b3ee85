using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.Tests.Features.Shared;

/// <summary>The one reason/comment dialog: what it refuses before a command runs, and what it hands back.</summary>
public sealed class ReasonDialogTests : IAsyncDisposable
{
    private readonly BunitContext context = new();
    private readonly IRenderedComponent<MudDialogProvider> dialogs;

    public ReasonDialogTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        dialogs = context.Render<MudDialogProvider>();
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_required_reason_confirms_only_when_given_and_free_of_hidden_characters_and_comes_back_trimmed()
    {
        var shown = await dialogs.InvokeAsync(() => context.Services.GetRequiredService<IDialogService>()
            .ShowAsync<ReasonDialog>("撤回", new DialogParameters<ReasonDialog> { { d => d.Label, "撤回原因" } }));
        dialogs.WaitForAssertion(() => dialogs.Find("textarea"));
        Confirm().HasAttribute("disabled").ShouldBeTrue();

        dialogs.Find("textarea").Input("发布有误\u202E");
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("不可见的控制字符"));
        Confirm().HasAttribute("disabled").ShouldBeTrue();

        dialogs.Find("textarea").Input("  发布有误  ");
        dialogs.WaitForAssertion(() => Confirm().HasAttribute("disabled").ShouldBeFalse());
        Confirm().Click();

        var result = await shown.Result;
        result.ShouldNotBeNull();
        result.Canceled.ShouldBeFalse();
        result.Data.ShouldBe("发布有误");
    }

    [Fact]
    public async Task An_optional_comment_may_be_left_empty()
    {
        var shown = await dialogs.InvokeAsync(() => context.Services.GetRequiredService<IDialogService>()
            .ShowAsync<ReasonDialog>("批准", new DialogParameters<ReasonDialog> { { d => d.Label, "意见（可不填）" }, { d => d.Required, false } }));
        dialogs.WaitForAssertion(() => Confirm().HasAttribute("disabled").ShouldBeFalse());

        Confirm().Click();

        (await shown.Result)!.Data.ShouldBe("");
    }

    private AngleSharp.Dom.IElement Confirm() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "确定");
}
