using Microsoft.AspNetCore.Components;
using PartyAffairs.App.Hosting.Security;

namespace PartyAffairs.App.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";
        // An absolute address of this app (the sign-in link carries one) becomes its path; then only this app's own
        // pages, by the one rule every redirect follows: anything else goes home.
        if (uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = "/" + navigationManager.ToBaseRelativePath(uri);
        }
        navigationManager.NavigateTo(LocalUrl.OrHome(uri));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    /// <summary>Redirects and leaves a message for the next page; <paramref name="messageKey"/> is a key of ShellStrings.</summary>
    public void RedirectToWithStatus(string uri, string messageKey, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, messageKey, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    /// <summary>The cookie names a user the database no longer has: the page says so and offers to sign in again.</summary>
    public void RedirectToInvalidUser() => RedirectTo("/Account/InvalidUser");
}
