using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Several app nodes (the real Program, each its own host and memory, on in-memory test servers) on one PostgreSQL database of
/// a <see cref="PostgresCluster"/>, sharing a data directory as nodes share a configured folder (so data-protection keys, and
/// with them antiforgery tokens, are the same). Started one after the other: the first migrates and seeds the demo. A client
/// names its address in <see cref="ClientAddressHeader"/>, as the proxy's forwarded header would, so each test counts apart.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "partyaffairs-nodes", Guid.NewGuid().ToString("N"));
    private readonly List<Node> nodes = [];

    private ClusterNodes()
    {
    }

    public WebApplicationFactory<Program> this[int node] => nodes[node];

    public int Count => nodes.Count;

    /// <param name="kestrel">Serve each node on a loopback port (<see cref="BaseAddress"/>), for clients of their own such as live circuits.</param>
    public static async Task<ClusterNodes> StartAsync(PostgresCluster cluster, IReadOnlyDictionary<string, string> settings, int count = 2,
        bool kestrel = false)
    {
        var connectionString = await cluster.CreateDatabaseAsync($"pa_nodes_{Guid.NewGuid():N}");
        var started = new ClusterNodes();
        for (var i = 0; i < count; i++)
        {
            var node = new Node(started.dataDirectory, connectionString, settings, seedDemo: i == 0);
            started.nodes.Add(node);
            if (kestrel)
            {
                node.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
                node.StartServer();
            }
            else
            {
                _ = node.Server;
            }
        }
        return started;
    }

    /// <summary>The loopback address of a node started with Kestrel.</summary>
    public Uri BaseAddress(int node) =>
        new(nodes[node].Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>A client of one node that keeps its cookies and does not follow redirects, coming from <paramref name="clientAddress"/>.</summary>
    public HttpClient NewClient(int node, string clientAddress)
    {
        var client = nodes[node].CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost/") });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes) await node.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class Node(string dataDirectory, string connectionString, IReadOnlyDictionary<string, string> settings, bool seedDemo)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production's pipeline, but cookies over plain http (CookieSecurity).
            builder.UseEnvironment(PartyAffairs.App.Hosting.Security.CookieSecurity.TestingEnvironment);
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting($"{DatabaseOptions.Section}:Provider", nameof(DatabaseProvider.PostgreSQL));
            builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", connectionString);
            builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
        }
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, Func<Task> nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[ClientAddressHeader].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
