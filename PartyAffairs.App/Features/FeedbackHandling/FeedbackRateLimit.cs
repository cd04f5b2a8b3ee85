using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// A flood of feedback from one address is refused: the form page's posts are counted per client address in a fixed
/// window; reading the page (GET) is never limited. The page opts in with <c>[EnableRateLimiting(Policy)]</c>, which
/// becomes metadata of its Razor component endpoint.
/// </summary>
public static class FeedbackRateLimit
{
    public const string Policy = "feedback";

    public static IServiceCollection AddFeedbackRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var options = http.RequestServices.GetRequiredService<IOptions<FeedbackOptions>>().Value;
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
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
        var encoder = http.RequestServices.GetRequiredService<HtmlEncoder>();
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        var back = encoder.Encode(http.Request.Path.Value ?? "/");
        var language = encoder.Encode(System.Globalization.CultureInfo.CurrentUICulture.Name);
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{encoder.Encode(text["RateLimit.Title"])}</title></head>
            <body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6">
            <h1>{encoder.Encode(text["RateLimit.Title"])}</h1>
            <p>{encoder.Encode(text["RateLimit.Body", wait])}</p>
            <p><a href="{back}">{encoder.Encode(text["RateLimit.Back"])}</a></p>
            </body></html>
            """, cancellationToken);
    }
}
