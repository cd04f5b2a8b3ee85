using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PartyAffairs.App.Components.Layout;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// Output caching of the board pages for anonymous visitors only: a request that carries a sign-in cookie (valid
/// or not) neither reads nor fills the cache, because what it sees depends on who it is. Entries vary by the
/// query keys the pages read, the culture and the theme the cookies choose, and are tagged so a publication
/// evicts them; the expiry is a safety net for display periods that start and end with the clock.
/// Blazor's endpoint hands every static page an antiforgery cookie (and no-store headers with it); the board's
/// pages carry no form that posts, so for anonymous visitors that cookie is taken off again, or no response could
/// ever be shared.
/// </summary>
public sealed class BoardCachePolicy : IOutputCachePolicy
{
    public const string Name = "board";
    public const string Tag = "board";
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);
    // Not "internal": only a signed-in person's choice of internal items counts, and signed-in requests never touch the
    // cache, so an anonymous ?internal=1 is the same public sheet and shares its entry.
    private static readonly StringValues QueryKeys = new(["q", "org", "paper", "i", "category", "year", "page"]);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = IsAnonymousRead(http);
        if (anonymous) http.Response.OnStarting(DropAntiforgeryCookie, http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Expiry;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = QueryKeys;
        // Localization runs first, so the culture here is the one the cookie chose.
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["theme"] = AppTheme.IsDark(http.Request.Cookies[AppTheme.CookieName]) ? "dark" : "light";
        return ValueTask.CompletedTask;
    }

    /// <summary>A GET or HEAD without a sign-in cookie (valid or not): the only requests that share a page.</summary>
    public static bool IsAnonymousRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.User.Identity?.IsAuthenticated != true
        && !CarriesSignInCookie(http);

    /// <summary>A page under this policy: the same for every anonymous visitor, so it holds nothing of one person.</summary>
    public static bool IsSharedPage(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == Name;

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A response that sets a cookie belongs to one visitor; only a plain 200 page is shared.
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    // Registered before the endpoint's own callback, so it runs after it (the callbacks run last-in, first-out).
    private static Task DropAntiforgeryCookie(object state)
    {
        var response = ((HttpContext)state).Response;
        if (response.StatusCode != StatusCodes.Status200OK) return Task.CompletedTask;
        var cookieName = response.HttpContext.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        var cookies = response.Headers.SetCookie;
        if (cookieName is null || StringValues.IsNullOrEmpty(cookies)) return Task.CompletedTask;
        var kept = cookies.Where(c => c is not null && !c.StartsWith(cookieName + "=", StringComparison.Ordinal)).ToArray();
        if (kept.Length == cookies.Count) return Task.CompletedTask;
        response.Headers.SetCookie = new StringValues(kept);
        response.Headers.CacheControl = "public, max-age=0, must-revalidate";
        response.Headers.Pragma = StringValues.Empty;
        return Task.CompletedTask;
    }

    private static bool CarriesSignInCookie(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var name = options.Cookie.Name ?? CookieAuthenticationDefaults.CookiePrefix + IdentityConstants.ApplicationScheme;
        // Large tickets are split into chunks named after the cookie (…C1, …C2).
        return http.Request.Cookies.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal));
    }
}
