using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// The circuit's endpoints (<c>/_blazor</c>: negotiate, WebSocket, long polling) answer only pages of this site. Browsers
/// send the sign-in cookie with a WebSocket opened from any site and CORS does not apply to WebSockets, so a foreign
/// <c>Origin</c> is refused here. A reverse proxy that rewrites the Host lists the public origin under
/// <c>Security:AllowedOrigins</c>.
/// </summary>
public static class SameOriginCircuits
{
    public const string HubPath = "/_blazor";

    public static void UseSameOriginCircuits(this WebApplication app)
    {
        var allowed = app.Configuration.GetSection("Security:AllowedOrigins").Get<string[]>() ?? [];
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(HubPath) && !IsSameOrigin(http.Request, allowed))
            {
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<SecurityStrings>>();
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(text["Origin.Refused"], http.RequestAborted);
                return;
            }
            await next(http);
        });
    }

    /// <summary>No Origin header (a non-browser client, which carries no victim's cookie) passes; any other must name this host.</summary>
    public static bool IsSameOrigin(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (allowedOrigins.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
