using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// A reverse proxy (YARP) in the test process in front of several nodes, as nginx or haproxy stands in front of them in a
/// deployment (README, "Several nodes on PostgreSQL"): sticky by a cookie of its own, WebSockets (Blazor circuits) forwarded,
/// the client's Host kept and X-Forwarded-For/Proto set. A dead node is noticed three ways, fastest first: a GET that cannot
/// connect is sent once more to another node at once (haproxy's <c>option redispatch</c>), and its node is marked down;
/// the active health check (<c>/healthz</c> twice a second) marks it down within half a second even without traffic; the
/// affinity cookie of a node that is down is then redistributed and rewritten to the node that answered.
/// </summary>
public sealed class NodeProxy : IAsyncDisposable
{
    /// <summary>Which node answered: the test's way to see where its request went (a deployment does not need it).</summary>
    public const string NodeHeader = "X-PartyAffairs-Node";

    public const string AffinityCookie = "PartyAffairsNode";

    private const string ClusterId = "nodes";
    private static readonly TimeSpan DownFor = TimeSpan.FromSeconds(10);

    private readonly WebApplication app;

    private NodeProxy(WebApplication app, Uri baseAddress, Redispatches redispatches)
    {
        this.app = app;
        this.redispatches = redispatches;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>How many requests found their node gone and were sent to another (a test prints it).</summary>
    public int Redispatched => redispatches.Count;

    private readonly Redispatches redispatches;

    /// <summary>Starts the proxy on a free loopback port in front of <paramref name="nodes"/> (name → address).</summary>
    public static async Task<NodeProxy> StartAsync(IReadOnlyDictionary<string, Uri> nodes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy()
            .LoadFromMemory([Route()], [Cluster(nodes)])
            .AddTransforms(context => context.AddResponseTransform(transform =>
            {
                if (transform.HttpContext.GetReverseProxyFeature().ProxiedDestination is { } node)
                    transform.HttpContext.Response.Headers[NodeHeader] = node.DestinationId;
                return ValueTask.CompletedTask;
            }));
        var app = builder.Build();
        var redispatches = new Redispatches();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.Use((context, next) => RedispatchAsync(context, next, redispatches));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NodeProxy(app, new Uri(address + "/"), redispatches);
    }

    private static RouteConfig Route() => new()
    {
        RouteId = "everything",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "{**rest}" },
        // The nodes see the Host the browser used: the circuit's same-origin check compares it with the page's Origin.
        Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
    };

    private static ClusterConfig Cluster(IReadOnlyDictionary<string, Uri> nodes) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = "RoundRobin",
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = "Cookie",
            // A node that is down loses its sessions to another node rather than answering 503.
            FailurePolicy = "Redistribute",
            AffinityKeyName = AffinityCookie,
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax, SecurePolicy = CookieSecurePolicy.SameAsRequest },
        },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromMilliseconds(500),
                Timeout = TimeSpan.FromSeconds(2),
                Policy = "ConsecutiveFailures",
                Path = "/healthz",
            },
            // Enabled so that the down mark set on a refused connection (RedispatchAsync) counts when destinations are picked.
            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = DownFor },
        },
        Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
        Destinations = nodes.ToDictionary(n => n.Key, n => new DestinationConfig { Address = n.Value.ToString() }),
    };

    /// <summary>
    /// A request that could not reach its node (connection refused: the node is gone) has had no answer yet: a GET carries no
    /// body to replay, so it goes once more to a node that is up. Other methods get the 502, as from haproxy.
    /// </summary>
    private static async Task RedispatchAsync(HttpContext context, Func<Task> next, Redispatches redispatches)
    {
        await next();
        if (context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request } || context.Response.HasStarted) return;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return;
        var proxy = context.GetReverseProxyFeature();
        if (proxy.ProxiedDestination is not { } failed) return;
        context.RequestServices.GetRequiredService<IDestinationHealthUpdater>().SetPassive(context.GetRouteModel().Cluster!, failed, DestinationHealth.Unhealthy, DownFor);
        var others = proxy.AllDestinations.Where(d => d != failed && d.Health.Active != DestinationHealth.Unhealthy).Take(1).ToList();
        if (others.Count == 0) return;
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        proxy.AvailableDestinations = others;
        redispatches.Add();
        await next();
    }

    private sealed class Redispatches
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
