using System.Diagnostics;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Infrastructure;

namespace PartyAffairs.App.Hosting.Compression;

/// <summary>
/// The framework's antiforgery service, which also notes on the request that a form was handed a token. Every form's
/// token (<c>&lt;AntiforgeryToken/&gt;</c>, <c>EditForm</c>) comes from here while the page renders, so a mark that is
/// present when the body starts means the token is in that body in plain text, and
/// <see cref="PublicPageCompressionProvider"/> does not compress it. Two other callers are not forms and leave no mark:
/// the Blazor endpoint asks for tokens on every page in its OnStarting callback, which runs only after the compression
/// middleware has decided (it decides on the first write, before the server starts the response); and .NET 10 reads
/// the token on every page to persist component state (ComponentStatePersistenceManager, after the page rendered), which
/// only ever leaves the page encrypted afresh each time, so its length tells nothing. Should that pass change shape,
/// it marks, and the page goes uncompressed: the tests that expect the board compressed then fail, never the reverse.
/// </summary>
public sealed class TokenMarkingAntiforgery(IAntiforgery inner) : IAntiforgery
{
    private static readonly object Key = new();

    public static bool TokenIssued(HttpContext http) => http.Items.ContainsKey(Key);

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        Mark(httpContext);
        return inner.GetAndStoreTokens(httpContext);
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext)
    {
        Mark(httpContext);
        return inner.GetTokens(httpContext);
    }

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static void Mark(HttpContext http)
    {
        // Once marked, always marked; a marked or started response needs no stack walk (the decision is taken by then).
        if (http.Items.ContainsKey(Key) || http.Response.HasStarted || ForPersistedState()) return;
        http.Items[Key] = true;
    }

    // The persisting pass calls the state provider's getter synchronously, so its frames are on this stack.
    private static bool ForPersistedState() =>
        new StackTrace(2, false).GetFrames().Any(f => IsPersistenceManager(f.GetMethod()?.DeclaringType));

    private static bool IsPersistenceManager(Type? type)
    {
        for (; type is not null; type = type.DeclaringType)
        {
            if (type == typeof(ComponentStatePersistenceManager)) return true;
        }
        return false;
    }
}
