using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Components;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>The one-time password is shown once: a button copies it, and says so, or says how to copy it by hand.</summary>
public sealed class PasswordDialogTests : IAsyncLifetime
{
    private readonly BunitContext bunit = new();

    public PasswordDialogTests()
    {
        AdminTestData.UseChinese();
        bunit.Services.AddMudServices();
        bunit.Services.AddLocalization();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync()
    {
        var provider = bunit.Render<MudDialogProvider>();
        var dialogs = bunit.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<PasswordDialog>("一次性密码", new DialogParameters<PasswordDialog>
        {
            { d => d.UserName, "xinren" }, { d => d.Password, "Kq7#mP2x" },
        }));
        return provider;
    }

    [Fact]
    public async Task The_copy_button_puts_the_password_on_the_clipboard_and_confirms()
    {
        var write = bunit.JSInterop.SetupVoid("navigator.clipboard.writeText", "Kq7#mP2x");
        write.SetVoidResult();
        var provider = await ShowAsync();

        provider.Find("[data-testid=copy-password]").Click();

        write.VerifyInvoke("navigator.clipboard.writeText");
        provider.WaitForAssertion(() => provider.Find("[data-testid=copy-note]").TextContent.ShouldBe("已复制到剪贴板。"));
    }

    [Fact]
    public async Task A_browser_that_refuses_the_clipboard_gets_the_way_to_copy_by_hand()
    {
        bunit.JSInterop.SetupVoid("navigator.clipboard.writeText", _ => true).SetException(new JSException("clipboard undefined"));
        var provider = await ShowAsync();

        provider.Find("[data-testid=copy-password]").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid=copy-note]").TextContent.ShouldContain("Ctrl+C"));
    }

    [Theory]
    [InlineData(DisclosureState.Approved)]
    [InlineData(CatalogueState.Approved)]
    [InlineData(AmendmentState.Approved)]
    public void Approved_is_not_shown_in_the_error_red(object state)
    {
        bunit.Services.AddSingleton<EnumLabels>();
        var chip = bunit.Render<StateChip>(p => p.Add(c => c.Value, (Enum)state));

        var classes = chip.Find(".mud-chip").ClassList;
        classes.ShouldNotContain("mud-chip-color-error");
        classes.ShouldNotContain("mud-chip-color-primary", "the theme's primary is the error red");
        classes.ShouldContain("mud-chip-color-success");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bunit.DisposeAsync();
}
