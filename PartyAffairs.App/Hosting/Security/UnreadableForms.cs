using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// A posted form the framework will not read — a NUL character ("The form value contains invalid characters"), or more
/// than its limits — reached the antiforgery check as a missing token, and the person was told the page had expired.
/// It is read here first, and the person is told in their language what was wrong; nothing is saved.
/// </summary>
public static class UnreadableForms
{
    public static void UseUnreadableFormRefusal(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            try
            {
                // Read once; the framework keeps the form for the antiforgery check and the page.
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException unreadable)
            {
                // The framework's decoder refuses a NUL with an InvalidOperationException inside; a limit has none.
                await RefuseAsync(http, unreadable.InnerException is InvalidOperationException ? "Form.HiddenCharacters" : "Form.Unreadable");
                return;
            }
        }
        await next(http);
    });

    private static Task RefuseAsync(HttpContext http, string messageKey)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SecurityStrings>>();
        var encoder = http.RequestServices.GetRequiredService<HtmlEncoder>();
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var back = encoder.Encode(http.Request.Path.Value ?? "/");
        return http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{encoder.Encode(CultureInfo.CurrentUICulture.Name)}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>{encoder.Encode(text["Form.Title"])}</title></head>
            <body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6">
            <h1>{encoder.Encode(text["Form.Title"])}</h1>
            <p>{encoder.Encode(text[messageKey])}</p>
            <p><a href="{back}">{encoder.Encode(text["Form.Back"])}</a></p>
            </body></html>
            """, http.RequestAborted);
    }
}
