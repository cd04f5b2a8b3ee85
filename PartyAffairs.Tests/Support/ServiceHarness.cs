using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.App.Data;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Hosting;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// The app's real container (AddPartyAffairs, as Program.cs builds it) over a real SQLite file in a
/// temporary data directory (or a PostgreSQL database of its own: <see cref="TestDatabase"/>), started by the real initializer from a copy of the migrated
/// <see cref="TemplateDatabase"/>; only the clock and the signed-in principal are the test's.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    /// <summary>A Thursday morning in Beijing, clear of holidays.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private readonly bool ownsDatabase;
    private readonly bool ownsData;
    private readonly IReadOnlyDictionary<string, string?>? databaseSettings;

    private ServiceHarness(ServiceProvider services, FakeTimeProvider time, TestAuthenticationStateProvider auth, string dataDirectory, bool ownsDatabase,
        bool ownsData, IReadOnlyDictionary<string, string?>? databaseSettings)
    {
        Services = services;
        Time = time;
        Auth = auth;
        DataDirectory = dataDirectory;
        this.ownsDatabase = ownsDatabase;
        this.ownsData = ownsData;
        this.databaseSettings = databaseSettings;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public TestAuthenticationStateProvider Auth { get; }
    public string DataDirectory { get; }

    /// <param name="dataDirectory">An existing data directory to open again (the crash drill's writer); a fresh temporary one by default.</param>
    /// <param name="migrateFromEmpty">Let the initializer migrate an empty file instead of starting from the template's copy.</param>
    /// <param name="passwordIterations">PBKDF2 rounds of the password hasher; a timing test asks for production's 100,000.</param>
    /// <param name="postgreSqlDatabase">
    /// The connection string of a PostgreSQL database the caller owns, for several harnesses on one database as several nodes are:
    /// the harness runs on it whatever <see cref="TestDatabase"/> says, migrates it if it is empty, and leaves it in place when disposed.
    /// </param>
    /// <param name="database">
    /// Database settings (<c>Database:Provider</c>, the connection string) of a database the caller owns (a <see cref="PostgresCluster"/>'s),
    /// as <paramref name="postgreSqlDatabase"/>; the initializer migrates it if it is empty.
    /// </param>
    /// <param name="settings">Configuration on top of the harness's own.</param>
    /// <param name="configure">Changes to the app's registrations, made after them.</param>
    public static Task<ServiceHarness> CreateAsync(bool seedDemo = false, DateTimeOffset? now = null, string? dataDirectory = null, bool migrateFromEmpty = false,
        int passwordIterations = 1_000, string? postgreSqlDatabase = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? database = null) =>
        CreateCoreAsync(seedDemo, now, dataDirectory, migrateFromEmpty, passwordIterations, settings, configure,
            database ?? (postgreSqlDatabase is null ? null : new Dictionary<string, string?>
            {
                [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSQL),
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = postgreSqlDatabase,
            }), ownsData: true);

    /// <summary>
    /// Another node of <paramref name="first"/>'s deployment: its own container (singletons, memory, clock) on the same
    /// database and data directory (data-protection keys, files), as a second app process behind a proxy. Dispose it before
    /// the first, which alone drops the database and removes the directory.
    /// </summary>
    public static Task<ServiceHarness> OpenSecondNodeAsync(ServiceHarness first) =>
        CreateCoreAsync(seedDemo: false, first.Time.GetUtcNow(), first.DataDirectory, migrateFromEmpty: true, passwordIterations: 1_000,
            settings: null, configure: null, first.databaseSettings, ownsData: false);

    private static async Task<ServiceHarness> CreateCoreAsync(bool seedDemo, DateTimeOffset? now, string? dataDirectory, bool migrateFromEmpty,
        int passwordIterations, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configure,
        IReadOnlyDictionary<string, string?>? database, bool ownsData)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "partyaffairs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = dataDirectory,
                ["Demo:Seed"] = seedDemo ? "true" : "false",
                ["Demo:Password"] = "Demo@2026",
                ["Bureau:TimeZone"] = "Asia/Shanghai",
            })
            .AddInMemoryCollection(database ?? await TestDatabase.SettingsAsync(dataDirectory, fromTemplate: !migrateFromEmpty))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var time = new FakeTimeProvider(now ?? DefaultNow);
        var auth = new TestAuthenticationStateProvider();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        var environment = new TestEnvironment(dataDirectory);
        services.AddSingleton<IWebHostEnvironment>(environment);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddPartyAffairs(configuration, environment);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        services.Replace(ServiceDescriptor.Singleton<AuthenticationStateProvider>(auth));
        // Identity's 100,000 PBKDF2 rounds cost a tenth of a second a password (far more on a loaded machine), and a test's
        // cast of eight people was most of its time. The same hasher and format (which records its rounds) at fewer rounds;
        // the test servers (AppServer) keep the production count.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = passwordIterations);
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        if (!migrateFromEmpty && database is null && !TestDatabase.IsPostgreSql) await TemplateDatabase.CopyToAsync(provider.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
        return new ServiceHarness(provider, time, auth, dataDirectory, ownsDatabase: database is null, ownsData, database);
    }

    /// <summary>Resolves a scoped service in a fresh scope, as a new circuit would.</summary>
    public T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public AsyncServiceScope NewScope() => Services.CreateAsyncScope();

    public AppDbContext NewDb() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>Signs in the user with this user name; returns their id.</summary>
    public async Task<string> SignInAsync(string userName)
    {
        await using var db = NewDb();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        Auth.SignIn(id);
        return id;
    }

    /// <summary>Creates a user with roles in an organization, for tests that build their own cast.</summary>
    public async Task<string> CreateUserAsync(string userName, int? organizationId, params string[] roles)
    {
        await using var scope = NewScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, OrganizationId = organizationId };
        var created = await users.CreateAsync(user, "Test@12345");
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles) (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (!ownsData) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDatabase) await TestDatabase.DropAsync(DataDirectory);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class TestEnvironment(string contentRoot) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "PartyAffairs.App";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(contentRoot);
        public string WebRootPath { get; set; } = contentRoot;
        public IFileProvider WebRootFileProvider { get; set; } = new PhysicalFileProvider(contentRoot);
    }
}
