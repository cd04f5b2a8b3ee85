using Microsoft.AspNetCore.Components.Authorization;

namespace PartyAffairs.App.Features.Shared;

public static class RequestUserEndpointFilter
{
    /// <summary>
    /// A plain HTTP endpoint (a file download) calls the same services as the pages. Outside the Razor
    /// components endpoint nobody tells the authentication state who is asking, so the services would see
    /// no one: hand them the request's signed-in user.
    /// </summary>
    public static RouteHandlerBuilder WithRequestUser(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
            return await next(context);
        });
}
