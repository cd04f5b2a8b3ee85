using System.Security.Claims;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// A person with an issued password (the Admin's, at creation or reset) replaces it before anything else, on the server
/// and for every request: pages, the board, attachments and exports. The layout's redirect ran only after the page had
/// rendered (the 302 carried the whole page) and never for a file endpoint. The flag is read from the database, not a
/// claim, so a reset takes effect on the very next request and a change lifts it at once.
/// </summary>
public static class MustChangePassword
{
    private static readonly CompiledPerModel<Func<AppDbContext, string, Task<bool>>> MustChange = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.Users.Any(u => u.Id == userId && u.MustChangePassword)));

    // What a person with an issued password may still reach: the change page itself, signing out, the sign-in pages,
    // and what those pages are built from.
    private static readonly string[] OpenPaths =
    [
        AppRoutes.ChangePassword, "/Account/Logout", "/Account/LogoutEverywhere", "/Account/Login", "/Account/AccessDenied",
        "/_framework", "/_blazor", "/_content", "/healthz", "/culture/set", "/theme",
    ];

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && !IsOpen(context)
            && await IsRequiredAsync(context.RequestServices, userId, context.RequestAborted))
        {
            var returnUrl = LocalUrl.OrHome(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            // A bare 302: no page is rendered, so nothing of it travels in the body.
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = $"{context.Request.PathBase}{AppRoutes.ChangePassword}?returnUrl={Uri.EscapeDataString(returnUrl)}";
            context.Response.Headers.CacheControl = "no-store";
            return;
        }
        await next(context);
    });

    private static bool IsOpen(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) return true;
        var path = context.Request.Path;
        return OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<bool> IsRequiredAsync(IServiceProvider services, string userId, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        return await MustChange.For(db)(db, userId);
    }
}
