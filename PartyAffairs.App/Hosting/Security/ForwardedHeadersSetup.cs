using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so the feedback, sign-in and circuit limits
/// would count one client. With <c>ForwardedHeaders:KnownProxies</c> set (the proxies' addresses), X-Forwarded-For and
/// X-Forwarded-Proto are read from those proxies only; without it they are ignored, as anyone can send them.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    public static IServiceCollection AddForwardedHeadersFromKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only the configured proxies are trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (limits, logs, cookies' https) sees the client.</summary>
    public static void UseForwardedHeadersFromKnownProxies(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0) app.UseForwardedHeaders();
    }

    private static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var values = configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        return values.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => IPAddress.TryParse(v.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey} holds '{v}', which is not an IP address."))
            .ToList();
    }
}
