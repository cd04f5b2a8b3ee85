using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// The small stand-alone page a refused feedback post gets when the form itself cannot answer: too many posts (429), or a
/// missing or forged antiforgery token, for which the framework answers a bare, empty 400.
/// </summary>
public static class FeedbackMessagePage
{
    /// <summary>Gives the framework's empty 400 for a feedback post (a missing or forged token) a page that says what happened.</summary>
    public static void UseFeedbackFormRefusals(this WebApplication app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status400BadRequest && !http.Response.HasStarted
            && HttpMethods.IsPost(http.Request.Method)
            && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == FeedbackRateLimit.Policy)
        {
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<FeedbackStrings>>();
            await WriteAsync(http, text["Refused.Title"], text["Refused.Body"], http.RequestAborted);
        }
    });

    public static Task WriteAsync(HttpContext http, string title, string body, CancellationToken cancellationToken, string? typed = null)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<FeedbackStrings>>();
        var encoder = http.RequestServices.GetRequiredService<HtmlEncoder>();
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var back = encoder.Encode(http.Request.Path.Value ?? "/");
        var given = typed is null ? "" :
            $"<p>{encoder.Encode(text["RateLimit.YourText"])}</p><textarea readonly rows=\"8\" style=\"width: 100%\" data-testid=\"typed-text\">{encoder.Encode(typed)}</textarea>";
        return http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{encoder.Encode(CultureInfo.CurrentUICulture.Name)}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>{encoder.Encode(title)}</title></head>
            <body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6">
            <h1>{encoder.Encode(title)}</h1>
            <p>{encoder.Encode(body)}</p>
            {given}
            <p><a href="{back}">{encoder.Encode(text["RateLimit.Back"])}</a></p>
            </body></html>
            """, cancellationToken);
    }
}
