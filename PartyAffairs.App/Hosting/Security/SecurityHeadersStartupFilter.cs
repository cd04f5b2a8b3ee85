namespace PartyAffairs.App.Hosting.Security;

/// <summary>Puts <see cref="SecurityHeaders"/> in front of everything the host adds itself (authentication, authorization, routing).</summary>
public sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            SecurityHeaders.Apply(http);
            return nextMiddleware(http);
        });
        next(app);
    };
}
