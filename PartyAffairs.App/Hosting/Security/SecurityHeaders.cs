using System.Security.Cryptography;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// The browser-side guard rails on every response: a Content-Security-Policy without <c>unsafe-eval</c> (Blazor Server
/// and MudBlazor need none), scripts only from this site plus the one inline import map carrying this response's nonce
/// (only pages that render it have one: the board's cached public pages carry no inline script and no nonce), inline styles allowed because MudBlazor writes style attributes, no framing by other sites, no MIME sniffing, and
/// the referrer reduced to the origin when leaving the site.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "PartyAffairs.CspNonce";

    /// <summary>
    /// The nonce App.razor puts on the import map, the only inline script the app writes: made on first use, and the
    /// response's policy then names it. A response that never asks (a cached public page) has no nonce anyone could share.
    /// </summary>
    public static string CspNonce(this HttpContext http)
    {
        if (http.Items.TryGetValue(NonceKey, out var existing) && existing is string value) return value;
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        if (!http.Response.HasStarted) http.Response.Headers.ContentSecurityPolicy = PolicyFor(nonce);
        return nonce;
    }

    public static string PolicyFor(string? nonce) =>
        "default-src 'self'; " +
        (nonce is null ? "script-src 'self'; " : $"script-src 'self' 'nonce-{nonce}'; ") +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        // 'self' covers the circuit's WebSocket (ws/wss to the same host) in current browsers.
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'self'";

    /// <summary>
    /// First in the whole pipeline (a startup filter), so a redirect from authorization carries the headers too; set again
    /// when the response starts if an error handler cleared them.
    /// </summary>
    public static void Apply(HttpContext http)
    {
        Write(http.Response.Headers, null);
        http.Response.OnStarting(() =>
        {
            if (!http.Response.Headers.ContainsKey("Content-Security-Policy"))
                Write(http.Response.Headers, http.Items.TryGetValue(NonceKey, out var nonce) ? nonce as string : null);
            return Task.CompletedTask;
        });
    }

    private static void Write(IHeaderDictionary headers, string? nonce)
    {
        headers.ContentSecurityPolicy = PolicyFor(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
