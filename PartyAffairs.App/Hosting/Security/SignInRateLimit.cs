using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// Password guessing from one address is slowed to a few tries a minute: each sign-in post costs ~37 ms of PBKDF2, and the
/// per-account lockout alone does not stop one address trying many accounts. The sign-in page opts in with
/// <c>[EnableRateLimiting(Policy)]</c>; reading the page (GET) is never limited.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInOptions>(configuration.GetSection(SignInOptions.Section));
        services.TryAddSingleton<ClusterRateWindows>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
            var options = http.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value;
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            // Several nodes on one PostgreSQL database count together; one SQLite node counts in its own memory.
            if (http.RequestServices.GetRequiredService<DatabaseOptions>().IsPostgreSql)
                return ClusterWindowLimiter.Partition(http.RequestServices, $"{Policy}:{address}", options.PermitLimit, TimeSpan.FromSeconds(options.WindowSeconds));
            return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = TimeSpan.FromSeconds(options.WindowSeconds),
                QueueLimit = 0,
            });
        }));
        // The limiter has one rejection handler: a refused sign-in gets its own words, any other refusal the handler before.
        services.PostConfigure<RateLimiterOptions>(limiter =>
        {
            var other = limiter.OnRejected;
            limiter.OnRejected = (context, cancellationToken) =>
                context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy || other is null
                    ? WriteRejectionAsync(context.HttpContext, context.Lease, cancellationToken)
                    : other(context, cancellationToken);
        });
        return services;
    }

    private static async ValueTask WriteRejectionAsync(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SecurityStrings>>();
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        await FeedbackMessagePage.WriteAsync(http, text["SignIn.RateLimit.Title"], text["SignIn.RateLimit.Body", wait], cancellationToken);
    }
}
