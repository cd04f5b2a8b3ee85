using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Components.Layout;
using PartyAffairs.App.Components.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Home;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>
/// bUnit with what the app's components expect: MudBlazor's services with loose JS interop, the
/// localizers (MudBlazor's in Chinese too), a <see cref="FakeCurrentUser"/> the test sets, and, behind
/// them, the app's real container over a real SQLite file (<see cref="ServiceHarness"/>) for the
/// services that read data. Call <see cref="UseCulture"/> from the test itself: a culture set inside
/// an awaited method does not flow back to its caller.
/// </summary>
public sealed class ComponentHarness : IAsyncDisposable
{
    private readonly AsyncServiceScope backendScope;

    private ComponentHarness(ServiceHarness backend)
    {
        Backend = backend;
        backendScope = backend.NewScope();
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization();
        Context.Services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        Context.Services.AddSingleton<ICurrentUser>(User);
        // Here, not from the backend: a page's runner must tell its outcomes to the snackbar the test renders.
        Context.Services.AddTransient<PageCommand>();
        // Built from the backend's services but handed the fake user instead of the backend's.
        Context.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<ShellService>(backendScope.ServiceProvider, User));
        Context.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<HomeService>(backendScope.ServiceProvider, User));
        Context.Services.AddFallbackServiceProvider(backendScope.ServiceProvider);
    }

    public BunitContext Context { get; }

    public ServiceHarness Backend { get; }

    public FakeCurrentUser User { get; } = new();

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    public static async Task<ComponentHarness> CreateAsync() => new(await ServiceHarness.CreateAsync());

    public void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    /// <summary>Renders as a person holding these roles; the id may name a real user of the backend (for their organization and flags).</summary>
    public void SignInAs(string displayName, int? organizationId, string[] roles, string? userId = null) =>
        User.Actor = new Actor(userId ?? Guid.NewGuid().ToString(), displayName, organizationId, roles.ToHashSet());

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await backendScope.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
