namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// Carries a new 查询码 across the post/redirect/get of a feedback form, so the thank-you page can show it once while a reload
/// does not send the feedback twice: a short-lived, HttpOnly cookie scoped to the form's path, read and deleted by the thank-you page.
/// </summary>
public static class TrackingCodeCookie
{
    private const string Name = "pa-tracking-code";

    public static void Keep(HttpContext http, string code, string path) =>
        http.Response.Cookies.Append(Name, code, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = path,
            MaxAge = TimeSpan.FromMinutes(10),
            IsEssential = true,
        });

    /// <summary>The code kept for this page, if any, which is then forgotten: it is shown once.</summary>
    public static string? Take(HttpContext http, string path)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var code) || Domain.TrackingCode.Normalize(code) is not { } valid) return null;
        http.Response.Cookies.Delete(Name, new CookieOptions { Path = path });
        return valid;
    }
}
