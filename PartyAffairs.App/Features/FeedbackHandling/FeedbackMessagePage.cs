using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// The page a refused feedback post gets when the form itself cannot answer: too many posts (429), or a
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

    /// <summary>Answers with <see cref="FeedbackRefusalPage"/> in the board's layout, keeping the status code already set.</summary>
    public static async Task WriteAsync(HttpContext http, string title, string body, CancellationToken cancellationToken, string? typed = null)
    {
        http.Response.Headers.CacheControl = "no-store";
        var page = new RazorComponentResult<FeedbackRefusalPage>(new Dictionary<string, object?>
        {
            [nameof(FeedbackRefusalPage.Title)] = title,
            [nameof(FeedbackRefusalPage.Body)] = body,
            [nameof(FeedbackRefusalPage.Typed)] = typed,
            [nameof(FeedbackRefusalPage.Back)] = http.Request.Path.Value ?? "/",
        })
        {
            StatusCode = http.Response.StatusCode,
            ContentType = "text/html; charset=utf-8",
        };
        // A fresh scope, as the status-code pages use: the form's own endpoint may already have used this request's renderer
        // (and set the header the component result adds again).
        http.Response.Headers.Remove("blazor-enhanced-nav");
        var requestServices = http.RequestServices;
        await using var scope = requestServices.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await page.ExecuteAsync(http);
        }
        finally
        {
            http.RequestServices = requestServices;
        }
    }
}
