using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Sign-out is a POST with antiforgery (the form in the app bar), so a link cannot sign anyone out.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        // The handler reads no form field: binding one made a forged post throw (500) instead of being refused (400). The
        // refusal carries words, so the status-code page does not re-run the post through the pipeline.
        accountGroup.MapPost("/Logout", async Task<IResult> (HttpContext http, [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IStringLocalizer<SecurityStrings> text) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return TypedResults.Text(text["Antiforgery.Refused"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        // 退出所有设备: a new security stamp ends every other cookie and live window of this person within the stamp
        // validation interval (Security:StampValidationInterval), then this one is signed out at once.
        accountGroup.MapPost("/LogoutEverywhere", async Task<IResult> (HttpContext http, [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IStringLocalizer<SecurityStrings> text) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return TypedResults.Text(text["Antiforgery.Refused"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            if (await signInManager.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return accountGroup;
    }
}
