using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// The real app (Program.cs, the demo seed, a fresh data directory holding a copy of the migrated
/// <see cref="TemplateDatabase"/>) on a loopback port for browser tests; stopped and its data removed when the tests end.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly string dataDirectory;
    private readonly bool sharedData;
    private readonly IReadOnlyDictionary<string, string> settings;
    private Factory? factory;

    public AppServer() : this(new Dictionary<string, string>())
    {
    }

    private AppServer(IReadOnlyDictionary<string, string> settings, string? sharedDataDirectory = null)
    {
        this.settings = settings;
        sharedData = sharedDataDirectory is not null;
        dataDirectory = sharedDataDirectory ?? Path.Combine(Path.GetTempPath(), "partyaffairs-browser", Guid.NewGuid().ToString("N"));
    }

    /// <summary>The same app with some configuration changed (e.g. limits a drill or a benchmark needs to move).</summary>
    public static AppServer With(IReadOnlyDictionary<string, string> settings) => new(settings);

    /// <summary>
    /// One node of several on one database (issue 22): <paramref name="settings"/> name the database, and the data directory is
    /// the nodes' shared folder, so it is neither filled from the SQLite template nor removed when this node stops.
    /// </summary>
    public static AppServer Node(string sharedDataDirectory, IReadOnlyDictionary<string, string> settings) => new(settings, sharedDataDirectory);

    /// <summary>
    /// What every test server is started with, here and as a child process (<see cref="AppProcess"/>), in the
    /// <see cref="TestEnvironment"/>: production's pipeline, but cookies over plain http on loopback (CookieSecurity).
    /// </summary>
    public static IReadOnlyDictionary<string, string> TestSettings(string dataDirectory) => new Dictionary<string, string>
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Demo:Seed"] = "true",
        // Every browser test signs in from 127.0.0.1: the per-address sign-in limit is proved in SignInDrillTests.
        ["SignIn:PermitLimit"] = "100000",
    };

    public const string TestEnvironment = PartyAffairs.App.Hosting.Security.CookieSecurity.TestingEnvironment;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IServiceProvider Services => factory!.Services;

    /// <summary>What the server logged at Warning and above, for a test to fail on an error it logged.</summary>
    public ServerLogCapture Logs { get; } = new();

    public async Task InitializeAsync()
    {
        if (!sharedData && !TestDatabase.IsPostgreSql) await TemplateDatabase.CopyToAsync(new PartyAffairs.App.Features.Shared.StorageOptions { DataDirectory = dataDirectory }.DatabasePath);
        factory = new Factory(dataDirectory, settings, Logs, ownDatabase: !sharedData);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1") + "/");
    }

    public async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (sharedData) return;
        await TestDatabase.DropAsync(dataDirectory);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class Factory(string dataDirectory, IReadOnlyDictionary<string, string> settings, ServerLogCapture logs, bool ownDatabase) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(TestEnvironment);
            // Outside Development the host does not look up static web assets (MudBlazor's css and js) by itself.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in TestSettings(dataDirectory)) builder.UseSetting(key, value);
            // A node of several is given its database; a lone server has its own (PA_TEST_DATABASE).
            if (ownDatabase) TestDatabase.Use(builder, dataDirectory);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}
