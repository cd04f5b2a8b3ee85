namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// Cookies that matter (sign-in, antiforgery) are marked Secure everywhere except Development and the "Testing"
/// environment, where tests talk plain http on loopback and a client's cookie jar would drop a Secure cookie.
/// </summary>
public static class CookieSecurity
{
    public const string TestingEnvironment = "Testing";

    public static CookieSecurePolicy PolicyFor(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
