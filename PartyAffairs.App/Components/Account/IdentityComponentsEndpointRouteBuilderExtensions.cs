using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Sign-out is a POST with antiforgery (the form in the app bar), so a link cannot sign anyone out.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return accountGroup;
    }
}
