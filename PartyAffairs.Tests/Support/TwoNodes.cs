using System.Diagnostics;
using PartyAffairs.App.Data;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Issue 22's two-node set-up: a PostgreSQL cluster of its own with one empty database, two app nodes on it (demo seeding on,
/// one shared data folder for uploads, archive copies and keys), and a <see cref="NodeProxy"/> in front with cookie affinity.
/// Node B starts first and node A once B has initialized the database, so that the tests of what happens later do not
/// depend on two nodes initializing at once (<see cref="TwoNodesStartedTogether"/> proves that). Node A is the built app as
/// a child process (<see cref="AppProcess"/>), so a test can SIGKILL it; node B runs in the test process
/// (<see cref="AppServer"/>), so a test can act on node B through the app's own services, as the circuit benchmarks do (the
/// headless circuit client cannot click). Both read the proxy's forwarded
/// headers (the proxy is their known proxy). Without PostgreSQL nothing starts and the tests skip.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public const string NodeA = "A";
    public const string NodeB = "B";

    private readonly PostgresCluster cluster = new();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "partyaffairs-nodes", Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; private set; } = "";

    public AppProcess A { get; private set; } = default!;

    public AppServer B { get; private set; } = default!;

    public NodeProxy Proxy { get; private set; } = default!;

    /// <summary>From starting both nodes to both answering.</summary>
    public TimeSpan StartedIn { get; private set; }

    public Uri Address(string node) => node == NodeA ? A.BaseAddress : B.BaseAddress;

    public async Task InitializeAsync()
    {
        if (PostgresCluster.BinDirectory is null) return;
        await cluster.InitializeAsync();
        ConnectionString = await cluster.CreateDatabaseAsync("partyaffairs");
        Directory.CreateDirectory(DataDirectory);
        var settings = NodeSettings(ConnectionString);
        B = AppServer.Node(DataDirectory, settings);
        var started = Stopwatch.GetTimestamp();
        await B.InitializeAsync();
        A = await AppProcess.StartAsync(DataDirectory, settings);
        StartedIn = Stopwatch.GetElapsedTime(started);
        Proxy = await NodeProxy.StartAsync(new Dictionary<string, Uri> { [NodeA] = A.BaseAddress, [NodeB] = B.BaseAddress });
    }

    /// <summary>What makes an app a node of this set-up: the shared database, and the proxy (on loopback) believed.</summary>
    public static Dictionary<string, string> NodeSettings(string connectionString) => new()
    {
        [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSQL),
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = connectionString,
        // The proxy connects from loopback: X-Forwarded-For from it names the client the limits count.
        [$"{PartyAffairs.App.Hosting.Security.ForwardedHeadersSetup.KnownProxiesKey}:0"] = "127.0.0.1",
    };

    public async Task DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        await cluster.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
