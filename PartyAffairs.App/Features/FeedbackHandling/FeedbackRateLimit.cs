using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Hosting.Security;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// A flood of feedback from one address is refused: the form page's posts are counted per client address in a fixed
/// window (on PostgreSQL, in a window every node shares: <see cref="ClusterWindowLimiter"/>); reading the page (GET) is
/// never limited. The page opts in with <c>[EnableRateLimiting(Policy)]</c>, which becomes metadata of its Razor
/// component endpoint.
/// </summary>
public static class FeedbackRateLimit
{
    public const string Policy = "feedback";

    public static IServiceCollection AddFeedbackRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.TryAddSingleton<ClusterRateWindows>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var options = http.RequestServices.GetRequiredService<IOptions<FeedbackOptions>>().Value;
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
            });
            limiter.OnRejected = (context, cancellationToken) => WriteRejectionAsync(context.HttpContext, context.Lease, cancellationToken);
        });
        return services;
    }

    private static async ValueTask WriteRejectionAsync(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<FeedbackStrings>>();
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // What she typed is given back, so a refused post does not lose it.
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var typed = form is null ? null
            : form["Input.Content"] is { Count: > 0 } content ? content.ToString() : form["Input.Code"].ToString();
        await FeedbackMessagePage.WriteAsync(http, text["RateLimit.Title"], text["RateLimit.Body", wait], cancellationToken,
            string.IsNullOrEmpty(typed) ? null : typed);
    }
}
